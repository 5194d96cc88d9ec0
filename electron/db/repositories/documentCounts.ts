import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { DocumentCount } from '../../../shared/entities';

export function listDocumentCounts(db: ReadDb, quarter?: string): DocumentCount[] {
  return preparedRead(db, 'SELECT salesperson_id AS salesperson, quarter, count FROM document_counts WHERE (@q IS NULL OR quarter = @q) ORDER BY rowid').all({
    q: quarter ?? null,
  }) as DocumentCount[];
}

/** Sets the entered number of document sets; null removes it so the deal count applies again. */
export function setDocumentCount(db: WriteDb, salesperson: string, quarter: string, count: number | null): void {
  if (count === null) {
    preparedWrite(db, 'DELETE FROM document_counts WHERE salesperson_id = ? AND quarter = ?').run(salesperson, quarter);
    return;
  }
  preparedWrite(db, 'INSERT INTO document_counts (salesperson_id, quarter, count) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET count = excluded.count').run(
    salesperson,
    quarter,
    count,
  );
}
