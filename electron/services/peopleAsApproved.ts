import type { Salesperson } from '../../shared/domain';
import type { QuarterKey } from '../../shared/quarter';
import type { ReadDb } from '../db/handles';
import { listSnapshots } from '../db/repositories/appraisalSnapshots';
import { listSalespeople } from '../db/repositories/salespeople';

/**
 * Everyone by id, an approved person of `quarter` as they were approved (their snapshot): a raise
 * or a new plan after 审定 is not theirs for that quarter. The 汇总 sheet and the 薪酬 workbook
 * pay from this, as the 薪酬 page does.
 */
export function peopleAsApproved(db: ReadDb, quarter: QuarterKey): Map<string, Salesperson> {
  const people = new Map(listSalespeople(db).map((p) => [p.id, p]));
  for (const s of listSnapshots(db, quarter)) if (s.data.person) people.set(s.salesperson, s.data.person);
  return people;
}
