import fs from 'node:fs';
import path from 'node:path';
import { bankBench } from './bankBench';
import { desktopBench } from './desktop';
import { foundationBench } from './foundation';
import { formsBench } from './forms';
import { receivablesBench } from './receivables';
import { receivablesDesktopBench } from './receivablesDesktop';
import { cliStartupBench } from './cliStartup';
import { report } from './timing';

// Every performance target of the issues, measured as ratios against fair floors on this
// machine in one run. Loads and imports run in child processes, each reporting its own peak RSS.
const dir = path.resolve('bench/.data');
fs.mkdirSync(dir, { recursive: true });

const pass = report([
  ...foundationBench(dir),
  ...(await desktopBench(dir)),
  ...(await formsBench(dir)),
  ...(await bankBench(dir)),
  ...receivablesBench(),
  ...receivablesDesktopBench(),
  ...cliStartupBench(),
]);
process.exitCode = pass ? 0 : 1;
