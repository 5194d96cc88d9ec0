import { randomBytes } from 'node:crypto';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** A secret of this database, made (256 random bits) the first time it is asked for. */
export function appSecret(db: Db, name: string): Buffer {
  prepared(db, 'INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING').run(name, randomBytes(32).toString('hex'));
  const row = prepared(db, 'SELECT value FROM app_secrets WHERE name = ?').get(name) as { value: string };
  return Buffer.from(row.value, 'hex');
}
