import type { Migration } from '../migrate';

/*
 * The quarterly appraisal workflow (SPEC §8): each step's record, who did it and when. The
 * stage replaces the old open/approved status (its approved rows carry over).
 */
const sql = `
ALTER TABLE appraisals ADD COLUMN stage TEXT NOT NULL DEFAULT 'none'
  CHECK (stage IN ('none', 'targets', 'self', 'review', 'interview', 'approved', 'archived'));
UPDATE appraisals SET stage = 'approved' WHERE status = 'approved';
ALTER TABLE appraisals DROP COLUMN status;
ALTER TABLE appraisals ADD COLUMN steps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(steps));
ALTER TABLE appraisals ADD COLUMN forced_ranking INTEGER NOT NULL DEFAULT 0 CHECK (forced_ranking IN (0, 1));
CREATE INDEX appraisals_quarter ON appraisals(quarter, stage);
`;

export const workflow: Migration = { version: 6, name: 'appraisal workflow', up: (db) => db.exec(sql) };
