import fs from 'node:fs';
import path from 'node:path';
import { desktopBench } from './desktop';
import { foundationBench } from './foundation';
import { report } from './timing';

// Every performance target of the issues, measured as ratios on this machine in one run.
const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });
const pass = report([...foundationBench(dir), ...(await desktopBench(dir))]);
process.exitCode = pass ? 0 : 1;
