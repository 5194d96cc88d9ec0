#!/usr/bin/env node
// Bundles the Electron main process and the preload into dist/electron (CommonJS, one file each:
// a sandboxed preload cannot load other files). better-sqlite3 stays external: it is native.
// The `tkpi` command line is bundled the same way into dist/cli, with the list of the sources it
// was built from, so bin/tkpi.js can tell whether the build is current (see bin/cliBundle.js).
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { CLI_BUNDLE, CLI_INPUTS } from './cliBundle.js';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3'], logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs' });
// exceljs stays in node_modules for the command line: bundled, its zip writer's `new Buffer()` counts
// as our code and Node prints a DeprecationWarning (in English) on stderr at every export.
const cli = await build({ ...common, external: [...common.external, 'exceljs'], entryPoints: ['electron/cli/main.ts'], outfile: CLI_BUNDLE, metafile: true });
// Only this repository's own sources: dependencies change with npm install, which a build follows.
const sources = Object.keys(cli.metafile.inputs).filter((file) => !file.startsWith('..') && !file.includes('node_modules/'));
fs.writeFileSync(CLI_INPUTS, JSON.stringify(sources.map((file) => file.split(path.sep).join('/'))));
