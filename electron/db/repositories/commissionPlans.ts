import type { CommissionPlan } from '../../../shared/domain';
import { fenToText, toFen } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

type PlanRow = { id: string; mode: CommissionPlan['mode']; new_customer_bonus_fen: number };
type BracketRow = { plan_id: string; up_to_fen: number | null; rate: string };

export function listPlans(db: ReadDb): CommissionPlan[] {
  const plans = preparedRead(db, 'SELECT id, mode, new_customer_bonus_fen FROM commission_plans ORDER BY rowid').all() as PlanRow[];
  const brackets = preparedRead(db, 'SELECT plan_id, up_to_fen, rate FROM commission_brackets ORDER BY plan_id, seq').all() as BracketRow[];
  return plans.map((plan) => ({
    id: plan.id,
    mode: plan.mode,
    brackets: brackets.filter((b) => b.plan_id === plan.id).map((b) => ({ upTo: b.up_to_fen === null ? null : fenToText(b.up_to_fen), rate: b.rate })),
    newCustomerBonus: fenToText(plan.new_customer_bonus_fen),
  }));
}

export function planExists(db: ReadDb, id: string): boolean {
  return preparedRead(db, 'SELECT 1 FROM commission_plans WHERE id = ?').get(id) !== undefined;
}

/** Inserts or replaces a plan with its brackets. Call inside a transaction. */
export function savePlan(db: WriteDb, plan: CommissionPlan): void {
  preparedWrite(
    db,
    `INSERT INTO commission_plans (id, mode, new_customer_bonus_fen) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, new_customer_bonus_fen = excluded.new_customer_bonus_fen`,
  ).run(plan.id, plan.mode, toFen(plan.newCustomerBonus));
  preparedWrite(db, 'DELETE FROM commission_brackets WHERE plan_id = ?').run(plan.id);
  const insert = preparedWrite(db, 'INSERT INTO commission_brackets (plan_id, seq, up_to_fen, rate) VALUES (?, ?, ?, ?)');
  plan.brackets.forEach((b, seq) => insert.run(plan.id, seq, b.upTo === null ? null : toFen(b.upTo), b.rate));
}

export function planInUse(db: ReadDb, id: string): boolean {
  return preparedRead(db, 'SELECT 1 FROM salespeople WHERE commission_plan_id = ? LIMIT 1').get(id) !== undefined;
}

export function deletePlan(db: WriteDb, id: string): boolean {
  return preparedWrite(db, 'DELETE FROM commission_plans WHERE id = ?').run(id).changes > 0;
}
