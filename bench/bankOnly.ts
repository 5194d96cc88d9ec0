import fs from 'node:fs';
import path from 'node:path';
import { bankBench } from './bankBench';
import type { BankKind } from './generateStatement';
import { report } from './timing';

// `node bin/run-ts.js bench/bankOnly.ts [xlsx|xls|csv…]`: the bank part of `npm run bench` alone.
const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });
const kinds = process.argv.slice(2) as BankKind[];
process.exitCode = report(await bankBench(dir, kinds.length ? kinds : undefined)) ? 0 : 1;
