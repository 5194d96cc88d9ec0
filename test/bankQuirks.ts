import fs from 'node:fs';
import path from 'node:path';
import type { StatementPlan } from '../shared/api/contract';
import { openDatabase } from '../electron/db/connection';
import type { WriteDb } from '../electron/db/handles';
import { previewStatement } from '../electron/services/bankImport/importService';
import { loadBundle } from '../electron/services/bundle/loadBundle';
import { GOLDEN, ROOT, readJson, tempDir } from './helpers';

/*
 * The bank-quirk fixtures (test/fixtures/bank-quirks/, written by make.ts) and the golden
 * company they are read against: C001 PIONEER TEXTILES (S01), C005 NORDIC IMPORTS (S01),
 * C007 PACIFIC IMPORTS (S02), C021 EMERALD DISTRIBUTION (S04).
 */

export const QUIRKS = path.join(ROOT, 'test/fixtures/bank-quirks');
export const STATEMENTS = path.join(GOLDEN, 'statements');
export const quirk = (file: string) => fs.readFileSync(path.join(QUIRKS, file));

export function freshDb(): WriteDb {
  const db = openDatabase(path.join(tempDir(), 'quirks.db'), { create: true });
  loadBundle(db, readJson(path.join(GOLDEN, 'bundle-no-receipts.json')));
  return db;
}

/** Each row of the preview as [row, fate, reason, date, currency, signed fen, counterparty, customer]. */
export type Line = [number, string, string | null, string | null, string | null, number | null, string | null, string | null];

export async function preview(file: string): Promise<{ plan: StatementPlan; lines: Line[] }> {
  const plan = await previewStatement(freshDb(), quirk(file), file);
  const lines = plan.rows.map((r): Line => [r.row, r.fate, r.reason, r.valueDate, r.currency, r.amountFen, r.counterparty, r.receipt?.customer ?? null]);
  return { plan, lines };
}

export const PACIFIC = 'PACIFIC IMPORTS SAS';
export const PIONEER = 'PIONEER TEXTILES LIMITED';
export const SUPPLIER = '义乌市恒达包装材料有限公司';
export const COMPANY = '宁波海联进出口有限公司';
