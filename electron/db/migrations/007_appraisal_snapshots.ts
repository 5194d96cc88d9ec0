import type { Migration } from '../migrate';

/*
 * Approved is a snapshot (STYLE rule 16): at 审定 each person's complete result is stored here
 * and shown from then on, whatever changes later. Approvals made before this migration kept the
 * approved row in appraisals.result; it becomes their snapshot (without the context, which was
 * never stored), so their figures stop moving from now on too.
 */
const sql = `
CREATE TABLE appraisal_snapshots (
  salesperson_id TEXT NOT NULL REFERENCES salespeople(id),
  quarter TEXT NOT NULL CHECK (quarter GLOB '[0-9][0-9][0-9][0-9]Q[1-4]'),
  approved_at TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data, '$.row') = 'object'),
  PRIMARY KEY (salesperson_id, quarter)
);
INSERT INTO appraisal_snapshots (salesperson_id, quarter, approved_at, approved_by, data)
SELECT salesperson_id, quarter,
       coalesce(json_extract(steps, '$.approved.at'), updated_at),
       coalesce(json_extract(steps, '$.approved.by'), ''),
       json_object('row', json(result), 'forcedRanking', json(CASE forced_ranking WHEN 1 THEN 'true' ELSE 'false' END))
FROM appraisals
WHERE stage IN ('approved', 'archived') AND result IS NOT NULL AND json_type(result) = 'object';
`;

export const appraisalSnapshots: Migration = { version: 7, name: 'appraisal snapshots', up: (db) => db.exec(sql) };
