#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron (CommonJS, one file each:
// a sandboxed preload cannot load other files). better-sqlite3 stays external: it is native.
// The `tkpi` command line is bundled the same way into dist/cli, with the list of the sources it
// was built from, so bin/tkpi.js can tell whether the build is current (see bin/cliBundle.js).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_BUNDLE, CLI_INPUTS } from './cliBundle.js';

// archiver-utils 2 (exceljs → archiver 5, which writes the forms) still calls `new Buffer(…)`.
// Bundled, the call is no longer inside node_modules, so Node printed its DEP0005 warning on
// every export, on the command line's stderr too. The same calls, as Node asks them written.
const modernBuffer = {
  name: 'modern-buffer',
  setup(bundle) {
    bundle.onLoad({ filter: /archiver-utils[\\/]index\.js$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      const contents = text.replace(/new Buffer\((0|size)\)/g, 'Buffer.alloc($1)').replace(/new Buffer\(source\)/g, 'Buffer.from(source)');
      if (contents.includes('new Buffer(')) throw new Error(`${args.path}: a new Buffer( call this build does not know`);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron', 'better-sqlite3'],
  plugins: [modernBuffer],
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs' });
const cli = await build({ ...common, entryPoints: ['electron/cli/main.ts'], outfile: CLI_BUNDLE, metafile: true });
// Only this repository's own sources: dependencies change with npm install, which a build follows.
const sources = Object.keys(cli.metafile.inputs).filter((file) => !file.startsWith('..') && !file.includes('node_modules/'));
fs.writeFileSync(CLI_INPUTS, JSON.stringify(sources.map((file) => file.split(path.sep).join('/'))));
