import dayjs from 'dayjs';
import type { AgeingBuckets } from '../../../shared/receivables/report';
import type { UiKey } from '../../i18n/strings';

/** The overdue ageing buckets in the order they are drawn, with their colour and label. */
export const BUCKETS: { key: keyof AgeingBuckets; color: string; label: UiKey }[] = [
  { key: 'notDue', color: '#9cc3e6', label: 'rv.notDue' },
  { key: 'd1_30', color: '#f3c55b', label: 'rv.d1_30' },
  { key: 'd31_60', color: '#ec9a3c', label: 'rv.d31_60' },
  { key: 'd61_90', color: '#e0703a', label: 'rv.d61_90' },
  { key: 'd91_180', color: '#c8463d', label: 'rv.d91_180' },
  { key: 'd181', color: '#7d1f1a', label: 'rv.d181' },
];

/** Today in the user's time zone, as the as-of date starts. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** An instalment's key: a deal has numbered instalments from 1. */
export function instalmentKey(row: { deal: string; number: number }): string {
  return `${row.deal}#${row.number}`;
}

/** A decimal text as a number, only to size chart bars (never for sums shown as money). */
export function chartNumber(value: string): number {
  return Number(value);
}
