#!/usr/bin/env node
// The `tkpi` command line. `npm run build` compiles it into dist/cli/tkpi.cjs (start-up in a
// fraction of the time); without a build, or when a source is newer than the build, the
// TypeScript sources run through tsx, so `npx tkpi` works right after `npm install`.
import { createRequire } from 'node:module';
import { freshCliBundle } from './cliBundle.js';

const bundle = freshCliBundle();
if (bundle) {
  createRequire(import.meta.url)(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli/main.ts');
}
