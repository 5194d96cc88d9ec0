import { microToText, toMicro } from '../../../shared/money';
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { FxRate } from '../../../shared/entities';

export function listFxRates(db: Db, year?: number): FxRate[] {
  const rows = (
    year === undefined
      ? prepared(db, 'SELECT month, currency, rate_micro FROM fx_rates ORDER BY rowid').all()
      : prepared(db, 'SELECT month, currency, rate_micro FROM fx_rates WHERE month LIKE ? ORDER BY month, currency').all(`${year}-%`)
  ) as { month: string; currency: string; rate_micro: number }[];
  return rows.map((r) => ({ month: r.month, currency: r.currency, rate: microToText(r.rate_micro) }));
}

export function setFxRate(db: Db, rate: FxRate): void {
  prepared(db, 'INSERT INTO fx_rates (month, currency, rate_micro) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET rate_micro = excluded.rate_micro').run(
    rate.month,
    rate.currency,
    toMicro(rate.rate),
  );
}

export function deleteFxRate(db: Db, month: string, currency: string): boolean {
  return prepared(db, 'DELETE FROM fx_rates WHERE month = ? AND currency = ?').run(month, currency).changes > 0;
}

export function getFxRate(db: Db, month: string, currency: string): string | null {
  const row = prepared(db, 'SELECT rate_micro FROM fx_rates WHERE month = ? AND currency = ?').get(month, currency) as { rate_micro: number } | undefined;
  return row ? microToText(row.rate_micro) : null;
}
