import type { Migration } from '../migrate';
import { initialSchema } from './001_initial';
import { firstReceiptIndex } from './002_first_receipt_index';
import { coveringQuarterIndexes } from './003_covering_quarter_indexes';
import { bankImport } from './004_bank_import';
import { oneCustomerIndex } from './005_one_customer_index';
import { workflow } from './006_workflow';
import { appraisalSnapshots } from './007_appraisal_snapshots';
import { columnMappings } from './008_column_mappings';
import { payerAssignments } from './009_payer_assignments';
import { receivables } from './010_receivables';
import { appSecrets } from './011_app_secrets';
import { salespersonLeftOn } from './012_salesperson_left_on';
import { rateQuotedPer } from './013_rate_quoted_per';
import { receivableRevisions } from './014_receivable_revisions';

/** Append-only: a released migration is never edited, a change is a new numbered one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  firstReceiptIndex,
  coveringQuarterIndexes,
  bankImport,
  oneCustomerIndex,
  workflow,
  appraisalSnapshots,
  columnMappings,
  payerAssignments,
  receivables,
  appSecrets,
  salespersonLeftOn,
  rateQuotedPer,
  receivableRevisions,
];
