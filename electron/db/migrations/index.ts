import type { Migration } from '../migrate';
import { initialSchema } from './001_initial';
import { firstReceiptIndex } from './002_first_receipt_index';
import { coveringQuarterIndexes } from './003_covering_quarter_indexes';
import { bankImport } from './004_bank_import';
import { oneCustomerIndex } from './005_one_customer_index';
import { workflow } from './006_workflow';
import { receivables } from './010_receivables';

/** Append-only: a released migration is never edited, a change is a new numbered one. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, firstReceiptIndex, coveringQuarterIndexes, bankImport, oneCustomerIndex, workflow, receivables];
