/** Quarter keys ("2026Q3") and calendar dates ("2026-07-15"); no time zones anywhere (SPEC §2). */
export type QuarterKey = string;
export type IsoDate = string;

export type Quarter = { year: number; q: 1 | 2 | 3 | 4 };

const QUARTER_KEY = /^(\d{4})Q([1-4])$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseQuarter(key: string): Quarter | null {
  const m = QUARTER_KEY.exec(key);
  if (!m) return null;
  return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] };
}

export function isQuarterKey(key: string): boolean {
  return parseQuarter(key) !== null;
}

export function quarterKey(quarter: Quarter): QuarterKey {
  return `${quarter.year}Q${quarter.q}`;
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isMonthKey(text: string): boolean {
  return MONTH_KEY.test(text);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS[month - 1] ?? 0);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** First and last calendar day of a quarter, inclusive. */
export function quarterRange(key: QuarterKey): { from: IsoDate; to: IsoDate } {
  const quarter = mustParse(key);
  const firstMonth = quarter.q * 3 - 2;
  const lastMonth = firstMonth + 2;
  return {
    from: `${quarter.year}-${pad2(firstMonth)}-01`,
    to: `${quarter.year}-${pad2(lastMonth)}-${pad2(daysInMonth(quarter.year, lastMonth))}`,
  };
}

/** The quarter a date (or month "YYYY-MM") belongs to: the quarter of its month. */
export function quarterOfDate(date: IsoDate): QuarterKey {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}Q${Math.floor((month - 1) / 3) + 1}`;
}

export function monthOfDate(date: IsoDate): string {
  return date.slice(0, 7);
}

export function previousQuarter(key: QuarterKey): QuarterKey {
  const { year, q } = mustParse(key);
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

export function nextQuarter(key: QuarterKey): QuarterKey {
  const { year, q } = mustParse(key);
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

export function quartersOfYear(year: number): QuarterKey[] {
  return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
}

function mustParse(key: QuarterKey): Quarter {
  const quarter = parseQuarter(key);
  if (!quarter) throw new Error(`not a quarter key: "${key}"`);
  return quarter;
}
