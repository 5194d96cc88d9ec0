import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/db/connection';
import { quarterFacts } from '../electron/db/quarterFacts';
import { computeQuarter } from '../electron/services/appraisalService';
const db = openDatabase('bench/.data/app.db');
for (let i = 0; i < 2; i++) {
  let t = performance.now(); quarterFacts(db, '2026Q3', 'first_receipt'); console.log('facts', (performance.now() - t).toFixed(0));
  t = performance.now(); computeQuarter(db, '2026Q3'); console.log('compute', (performance.now() - t).toFixed(0));
}
const range = { from: '2026-07-01', to: '2026-09-30' };
for (const [name, sql] of Object.entries({
  deals: `SELECT d.salesperson_id, COUNT(*) FROM deals d WHERE d.signed_on BETWEEN @from AND @to AND d.status='active' GROUP BY 1`,
  receipts: `SELECT COALESCE(r.manual_salesperson_id, r.matched_owner_id), SUM(r.amount_fen) FROM receipts r WHERE r.value_date BETWEEN @from AND @to GROUP BY 1`,
  firsts: `SELECT r.customer_id, MIN(r.value_date) AS first FROM receipts r WHERE r.customer_id IS NOT NULL AND r.amount_fen > 0 AND r.not_customer = 0 GROUP BY r.customer_id HAVING first BETWEEN @from AND @to`,
})) { const t = performance.now(); db.prepare(sql).all(range); console.log(name, (performance.now() - t).toFixed(0)); }
console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT r.customer_id, MIN(r.value_date) AS first FROM receipts r WHERE r.customer_id IS NOT NULL AND r.amount_fen > 0 AND r.not_customer = 0 GROUP BY r.customer_id`).all());
console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT COALESCE(r.manual_salesperson_id, r.matched_owner_id), SUM(r.amount_fen) FROM receipts r WHERE r.value_date BETWEEN '2026-07-01' AND '2026-09-30' GROUP BY 1`).all());
