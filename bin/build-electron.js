#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron (CommonJS, one file each:
// a sandboxed preload cannot load other files). better-sqlite3 stays external: it is native.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs' });
