import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { AuditEntry, Page } from '../../../shared/entities';

type AuditRow = { id: number; at: string; actor: string | null; action: string; entity: string | null; entity_id: string | null; detail: string | null };

export function appendAudit(db: WriteDb, entry: { action: string; entity?: string; entityId?: string; actor?: string | null; detail?: unknown }): void {
  preparedWrite(db, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    new Date().toISOString(),
    entry.actor ?? null,
    entry.action,
    entry.entity ?? null,
    entry.entityId ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  );
}

export function listAudit(db: ReadDb, offset: number, limit: number): Page<AuditEntry> {
  const total = (preparedRead(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const rows = preparedRead(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?').all(limit, offset) as AuditRow[];
  const entries = rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
  }));
  return { rows: entries, total, offset, limit };
}
