/*
 * The CNY value of a row in SQL, so that a quarter of a million rows is summed inside SQLite.
 * It is `cnyFen` of shared/money.ts in integer arithmetic: amount (fen) × rate (millionths),
 * rounded half-up away from zero to the fen. The rate is split into its integer and fraction
 * parts so that no product exceeds 64 bits (|amount| ≤ 10^12 fen, rate < 1000; both CHECKed).
 * test/integration/cnySql.test.ts holds the two implementations together.
 */
export function cnyOf(amount: string, rateMicro: string): string {
  return `(${amount} * (${rateMicro} / 1000000) + CASE WHEN ${amount} >= 0
    THEN (${amount} * (${rateMicro} % 1000000) + 500000) / 1000000
    ELSE -((-${amount} * (${rateMicro} % 1000000) + 500000) / 1000000) END)`;
}

/** Deal CNY value: CNY as is, else amount × the month's table rate; NULL when that rate is missing. */
export const DEAL_CNY = `CASE WHEN d.currency = 'CNY' THEN d.amount_fen ELSE ${cnyOf('d.amount_fen', 'dr.rate_micro')} END`;
export const DEAL_RATE_JOIN = `LEFT JOIN fx_rates dr ON dr.month = substr(d.signed_on, 1, 7) AND dr.currency = d.currency`;
/** A deal whose CNY value needs the month's table rate, and the rate is missing (with `DEAL_RATE_JOIN`). */
export const DEAL_MISSING_RATE = `(d.currency <> 'CNY' AND dr.rate_micro IS NULL)`;

// Looked up only for the few receipts that need it (CASE stops at the first true branch),
// rather than joined to every row.
const RECEIPT_TABLE_RATE = `(SELECT rate_micro FROM fx_rates WHERE month = substr(r.value_date, 1, 7) AND currency = r.currency)`;

/**
 * Receipt CNY value (SPEC §3): the bank's CNY amount, else amount × the bank's rate, else for a
 * CNY account the amount, else amount × the table rate of the value date's month (估算).
 */
export const RECEIPT_CNY = `CASE
  WHEN r.bank_cny_fen IS NOT NULL THEN r.bank_cny_fen
  WHEN r.rate_micro IS NOT NULL THEN ${cnyOf('r.amount_fen', 'r.rate_micro')}
  WHEN r.currency = 'CNY' THEN r.amount_fen
  ELSE ${cnyOf('r.amount_fen', RECEIPT_TABLE_RATE)} END`;
export const RECEIPT_ESTIMATED = `(r.bank_cny_fen IS NULL AND r.rate_micro IS NULL AND r.currency <> 'CNY')`;
/** An estimated receipt whose month has no table rate: its CNY value is unknown. */
export const RECEIPT_MISSING_RATE = `(${RECEIPT_ESTIMATED} AND ${RECEIPT_TABLE_RATE} IS NULL)`;
/** Who a receipt counts for: the salesperson set by hand, else the owner when it was matched. */
export const RECEIPT_OWNER = `COALESCE(r.manual_salesperson_id, r.matched_owner_id)`;
