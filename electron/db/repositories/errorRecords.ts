import { quarterRange } from '../../../shared/quarter';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { ErrorRecord, StoredErrorRecord } from '../../../shared/entities';

type ErrorRow = { id: number; salesperson_id: string; date: string; weight: number; note: string | null };

function toRecord(row: ErrorRow): StoredErrorRecord {
  return { id: row.id, salesperson: row.salesperson_id, date: row.date, weight: row.weight, note: row.note };
}

export function listErrorRecords(db: ReadDb, query: { quarter?: string; salesperson?: string } = {}): StoredErrorRecord[] {
  const range = query.quarter ? quarterRange(query.quarter) : { from: '0000-00-00', to: '9999-99-99' };
  const rows = preparedRead(db, 'SELECT * FROM error_records WHERE date BETWEEN @from AND @to AND (@sp IS NULL OR salesperson_id = @sp) ORDER BY id').all({
    ...range,
    sp: query.salesperson ?? null,
  }) as ErrorRow[];
  return rows.map(toRecord);
}

export function getErrorRecord(db: ReadDb, id: number): StoredErrorRecord | null {
  const row = preparedRead(db, 'SELECT * FROM error_records WHERE id = ?').get(id) as ErrorRow | undefined;
  return row ? toRecord(row) : null;
}

export function insertErrorRecord(db: WriteDb, e: ErrorRecord): number {
  return Number(
    preparedWrite(db, 'INSERT INTO error_records (salesperson_id, date, weight, note) VALUES (?, ?, ?, ?)').run(e.salesperson, e.date, e.weight, e.note)
      .lastInsertRowid,
  );
}

export function updateErrorRecord(db: WriteDb, id: number, e: ErrorRecord): boolean {
  return (
    preparedWrite(db, 'UPDATE error_records SET salesperson_id = ?, date = ?, weight = ?, note = ? WHERE id = ?').run(
      e.salesperson,
      e.date,
      e.weight,
      e.note,
      id,
    ).changes > 0
  );
}

export function deleteErrorRecord(db: WriteDb, id: number): boolean {
  return preparedWrite(db, 'DELETE FROM error_records WHERE id = ?').run(id).changes > 0;
}
