import { randomBytes } from 'node:crypto';
import type { WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';

/** A secret of this database, made (256 random bits) the first time it is asked for. */
export function appSecret(db: WriteDb, name: string): Buffer {
  preparedWrite(db, 'INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, randomBytes(32).toString('hex'));
  const row = preparedRead(db, 'SELECT value FROM app_secrets WHERE name = ?').get(name) as { value: string };
  return Buffer.from(row.value, 'hex');
}
