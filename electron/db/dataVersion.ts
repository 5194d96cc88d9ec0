import type { Db } from './connection';
import { prepared } from './statements';

/**
 * Changes whenever the data may have changed: this connection's own writes (total_changes) or
 * a commit by another connection to the same file (data_version), e.g. `tkpi` run beside the app.
 */
export function dataVersion(db: Db): string {
  const own = (prepared(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}:${own}`;
}
