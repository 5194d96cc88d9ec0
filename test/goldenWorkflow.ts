import type { Api } from '../shared/api/contract';
import { ok } from './helpers';

/*
 * The golden company taken through the quarter's steps (SPEC §8) through the API, as the tests
 * of approval, snapshots and audit need it: one place for texts long enough and a valid interview.
 */

export const LONG = '本季度完成了主要客户的回款跟进，新开发了一个南美客户，单证差错比上季度减少。'.repeat(3);
export const COMMENT = '该员工本季度结汇额完成较好，客户跟进及时；单证质量仍需提高，下季度重点加强制单复核，减少差错。'.repeat(3);

export { ok };

/** 目标设定 → 自评 → 复评 → 面谈 for one person; S02 and S06 have peer review in the golden targets. */
export async function throughInterview(api: Api, salesperson: string, quarter = '2026Q3'): Promise<void> {
  const scores: Record<string, string> = ['S02', 'S06'].includes(salesperson) ? { peer_review: '85' } : {};
  await ok(api['workflow.confirmTargets']({ salesperson, quarter, by: '王经理' }));
  await ok(api['workflow.selfAssess']({ salesperson, quarter, by: salesperson, text: LONG, scores }));
  await ok(api['workflow.review']({ salesperson, quarter, by: '王经理', scores }));
  await ok(
    api['workflow.interview']({
      salesperson,
      quarter,
      by: '王经理',
      date: '2026-10-14',
      place: '公司会议室',
      minutes: 45,
      comment: COMMENT,
      nextTargetsAgreed: true,
      signedOn: '2026-10-14',
    }),
  );
}
