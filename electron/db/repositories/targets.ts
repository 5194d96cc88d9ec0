import type { KpiKey, TargetIndicator } from '../../../shared/domain';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { TargetSheet } from '../../../shared/entities';

type IndicatorRow = {
  salesperson_id: string;
  quarter: string;
  kpi: KpiKey;
  weight: string;
  target: string | null;
  score: string | null;
  name: string | null;
  direction: 'higher' | 'lower' | null;
  actual: string | null;
};

function toIndicator(row: IndicatorRow): TargetIndicator {
  return {
    kpi: row.kpi,
    weight: row.weight,
    ...(row.target !== null ? { target: row.target } : {}),
    ...(row.score !== null ? { score: row.score } : {}),
    ...(row.name !== null ? { name: row.name } : {}),
    ...(row.direction !== null ? { direction: row.direction } : {}),
    ...(row.actual !== null ? { actual: row.actual } : {}),
  };
}

/** Target sheets, optionally of one quarter, in the order they were set. */
export function listTargetSheets(db: ReadDb, quarter?: string): TargetSheet[] {
  const rows = preparedRead(db, 'SELECT * FROM target_indicators WHERE (@q IS NULL OR quarter = @q) ORDER BY rowid').all({
    q: quarter ?? null,
  }) as IndicatorRow[];
  const sheets = new Map<string, TargetSheet>();
  for (const row of rows) {
    const key = `${row.salesperson_id}\u0000${row.quarter}`;
    let sheet = sheets.get(key);
    if (!sheet) {
      sheet = { salesperson: row.salesperson_id, quarter: row.quarter, indicators: [] };
      sheets.set(key, sheet);
    }
    sheet.indicators.push(toIndicator(row));
  }
  return [...sheets.values()];
}

export function getTargetSheet(db: ReadDb, salesperson: string, quarter: string): TargetSheet | null {
  const rows = preparedRead(db, 'SELECT * FROM target_indicators WHERE salesperson_id = ? AND quarter = ? ORDER BY seq').all(
    salesperson,
    quarter,
  ) as IndicatorRow[];
  return rows.length ? { salesperson, quarter, indicators: rows.map(toIndicator) } : null;
}

/** Replaces a person's sheet for a quarter. Call inside a transaction. */
export function setTargetSheet(db: WriteDb, sheet: TargetSheet): void {
  deleteTargetSheet(db, sheet.salesperson, sheet.quarter);
  const insert = preparedWrite(
    db,
    'INSERT INTO target_indicators (salesperson_id, quarter, seq, kpi, weight, target, score, name, direction, actual) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sheet.indicators.forEach((i, seq) =>
    insert.run(
      sheet.salesperson,
      sheet.quarter,
      seq,
      i.kpi,
      i.weight,
      i.target ?? null,
      i.score ?? null,
      i.name ?? null,
      i.direction ?? null,
      i.actual ?? null,
    ),
  );
}

export function deleteTargetSheet(db: WriteDb, salesperson: string, quarter: string): boolean {
  return preparedWrite(db, 'DELETE FROM target_indicators WHERE salesperson_id = ? AND quarter = ?').run(salesperson, quarter).changes > 0;
}
