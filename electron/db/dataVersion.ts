import type { ReadDb } from './handles';
import { preparedRead } from './statements';

/**
 * Changes whenever the data may have changed: this connection's own writes (total_changes) or
 * a commit by another connection to the same file (data_version), e.g. `tkpi` run beside the app.
 */
export function dataVersion(db: ReadDb): string {
  const own = (preparedRead(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  const version = (preparedRead(db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
  return `${version}:${own}`;
}
