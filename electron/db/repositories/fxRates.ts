import { microToText, toMicro } from '../../../shared/money';
import type { ReadDb, WriteDb } from '../handles';
import { preparedRead, preparedWrite } from '../statements';
import type { FxRate } from '../../../shared/entities';

export function listFxRates(db: ReadDb, year?: number): FxRate[] {
  const rows = (
    year === undefined
      ? preparedRead(db, 'SELECT month, currency, rate_micro FROM fx_rates ORDER BY rowid').all()
      : preparedRead(db, 'SELECT month, currency, rate_micro FROM fx_rates WHERE month LIKE ? ORDER BY month, currency').all(`${year}-%`)
  ) as { month: string; currency: string; rate_micro: number }[];
  return rows.map((r) => ({ month: r.month, currency: r.currency, rate: microToText(r.rate_micro) }));
}

export function setFxRate(db: WriteDb, rate: FxRate): void {
  preparedWrite(db, 'INSERT INTO fx_rates (month, currency, rate_micro) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET rate_micro = excluded.rate_micro').run(
    rate.month,
    rate.currency,
    toMicro(rate.rate),
  );
}

export function deleteFxRate(db: WriteDb, month: string, currency: string): boolean {
  return preparedWrite(db, 'DELETE FROM fx_rates WHERE month = ? AND currency = ?').run(month, currency).changes > 0;
}

export function getFxRate(db: ReadDb, month: string, currency: string): string | null {
  const row = preparedRead(db, 'SELECT rate_micro FROM fx_rates WHERE month = ? AND currency = ?').get(month, currency) as { rate_micro: number } | undefined;
  return row ? microToText(row.rate_micro) : null;
}
