import type { Salesperson } from '../../../shared/domain';
import { fenToText, toFen } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

type SalespersonRow = {
  id: string;
  name: string;
  department: string | null;
  hired_on: string | null;
  monthly_base_salary_fen: number;
  performance_base_pay_fen: number;
  annual_bonus_base_fen: number | null;
  commission_plan_id: string | null;
  left_on: string | null;
};

function toSalesperson(row: SalespersonRow): Salesperson {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    hiredOn: row.hired_on,
    monthlyBaseSalary: fenToText(row.monthly_base_salary_fen),
    performanceBasePay: fenToText(row.performance_base_pay_fen),
    commissionPlan: row.commission_plan_id,
    annualBonusBase: row.annual_bonus_base_fen === null ? null : fenToText(row.annual_bonus_base_fen),
    leftOn: row.left_on,
  };
}

function params(p: Salesperson): unknown[] {
  return [
    p.name,
    p.department,
    p.hiredOn,
    toFen(p.monthlyBaseSalary),
    toFen(p.performanceBasePay),
    p.annualBonusBase ? toFen(p.annualBonusBase) : null,
    p.commissionPlan,
    p.leftOn ?? null,
    p.id,
  ];
}

export function listSalespeople(db: ReadDb): Salesperson[] {
  return (preparedRead(db, 'SELECT * FROM salespeople ORDER BY rowid').all() as SalespersonRow[]).map(toSalesperson);
}

export function getSalesperson(db: ReadDb, id: string): Salesperson | null {
  const row = preparedRead(db, 'SELECT * FROM salespeople WHERE id = ?').get(id) as SalespersonRow | undefined;
  return row ? toSalesperson(row) : null;
}

export function salespersonExists(db: ReadDb, id: string): boolean {
  return preparedRead(db, 'SELECT 1 FROM salespeople WHERE id = ?').get(id) !== undefined;
}

export function insertSalesperson(db: WriteDb, p: Salesperson): void {
  preparedWrite(
    db,
    `INSERT INTO salespeople (name, department, hired_on, monthly_base_salary_fen, performance_base_pay_fen,
       annual_bonus_base_fen, commission_plan_id, left_on, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...params(p));
}

export function updateSalesperson(db: WriteDb, p: Salesperson): boolean {
  return (
    preparedWrite(
      db,
      `UPDATE salespeople SET name = ?, department = ?, hired_on = ?, monthly_base_salary_fen = ?,
         performance_base_pay_fen = ?, annual_bonus_base_fen = ?, commission_plan_id = ?, left_on = ? WHERE id = ?`,
    ).run(...params(p)).changes > 0
  );
}

/** True when deals, receipts, errors, targets or customers still point at the person. */
export function salespersonInUse(db: ReadDb, id: string): boolean {
  return (
    (
      preparedRead(
        db,
        `SELECT EXISTS (SELECT 1 FROM deals WHERE salesperson_id = @id)
           OR EXISTS (SELECT 1 FROM receipts WHERE manual_salesperson_id = @id OR matched_owner_id = @id)
           OR EXISTS (SELECT 1 FROM error_records WHERE salesperson_id = @id)
           OR EXISTS (SELECT 1 FROM target_indicators WHERE salesperson_id = @id)
           OR EXISTS (SELECT 1 FROM customers WHERE owner_id = @id) AS used`,
      ).get({ id }) as { used: number }
    ).used === 1
  );
}

/** True when the person left before `from` (a quarter's first day): no new targets for them. */
export function leftBefore(person: Pick<Salesperson, 'leftOn'>, from: string): boolean {
  return person.leftOn !== null && person.leftOn !== undefined && person.leftOn < from;
}

export function deleteSalesperson(db: WriteDb, id: string): boolean {
  preparedWrite(db, 'DELETE FROM document_counts WHERE salesperson_id = ?').run(id);
  preparedWrite(db, 'DELETE FROM adjustments WHERE salesperson_id = ?').run(id);
  return preparedWrite(db, 'DELETE FROM salespeople WHERE id = ?').run(id).changes > 0;
}
