import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/connection';
import { cachedQuarter } from '../electron/services/appraisalService';
import { commissionStatements } from '../electron/services/commissionStatementService';
import { formsBench } from './forms';
import { peakRssMb, report } from './timing';

// `node bin/run-ts.js bench/formsOnly.ts [rounds]`: the forms part of `npm run bench` alone, on the
// 50-person company in bench/.data/app.db, with how long the quarter's 提成对账单 take to gather.
const dir = path.resolve('bench/.data');
const rounds = Number(process.argv[2] ?? 20);
const db = openDatabase(path.join(dir, 'app.db'));
cachedQuarter(db, '2026Q3');
const started = performance.now();
const statements = commissionStatements(db, '2026Q3');
const lines = statements.reduce((n, s) => n + s.lines.length + s.excluded.length, 0);
console.log(`statements: ${statements.length} people, ${lines} lines, gathered in ${(performance.now() - started).toFixed(0)} ms`);
db.close();
const pass = report(await formsBench(dir, rounds));
console.log(`forms peak RSS (VmHWM) ${peakRssMb()} MB`);
process.exitCode = pass ? 0 : 1;
