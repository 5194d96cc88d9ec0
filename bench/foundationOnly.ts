import fs from 'node:fs';
import path from 'node:path';
import { foundationBench } from './foundation';
import { formsBench } from './forms';
import { report } from './timing';

// `node bin/run-ts.js bench/foundationOnly.ts [forms]`: bundle load, quarter and list paging
// (and with `forms`, the forms) parts of `npm run bench` alone.
const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });
const results = foundationBench(dir);
if (process.argv.includes('forms')) results.push(...(await formsBench(dir)));
process.exitCode = report(results) ? 0 : 1;
