/**
 * Every table that holds the company's data, children before parents so they can be emptied in
 * this order. The audit log is not among them: it is the file's history and survives a load or
 * a restore (which add to it).
 */
export const DATA_TABLES = [
  'receipts',
  'import_batches',
  'write_offs',
  'deals',
  'error_records',
  'document_counts',
  'target_indicators',
  'adjustments',
  'appraisals',
  'customer_aliases',
  'customers',
  'salespeople',
  'commission_brackets',
  'commission_plans',
  'fx_rates',
  'settings',
  'company',
] as const;
