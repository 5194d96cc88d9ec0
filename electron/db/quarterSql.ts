/*
 * The date → quarter rule of shared/quarter.ts (`quarterOfDate`) in SQL, written once: an ISO
 * date's year, 'Q', and (month + 2) / 3 in integer arithmetic. test/integration/quarterSql.test.ts
 * holds the two implementations together.
 */
export function quarterOf(isoDate: string): string {
  return `(substr(${isoDate}, 1, 4) || 'Q' || ((CAST(substr(${isoDate}, 6, 2) AS INTEGER) + 2) / 3))`;
}
