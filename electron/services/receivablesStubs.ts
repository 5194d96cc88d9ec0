import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';

/*
 * TEMPORARY (branch recv-ui): placeholders so the UI compiles before recv-backend's services land.
 * The coordinator drops this file (and its line in services/index.ts) when merging recv-backend.
 */
type Methods =
  | 'receivables.report'
  | 'receivables.customer'
  | 'receivables.dealCheck'
  | 'receivables.badDebts'
  | 'receipts.pin'
  | 'writeOffs.list'
  | 'writeOffs.create'
  | 'writeOffs.delete'
  | 'writeOffs.smallBalances'
  | 'writeOffs.writeOffSmall'
  | 'customers.acceptGrade';

const missing = (): never => {
  throw new DomainError('internal', { detail: 'receivables service not merged yet' });
};

export function receivablesStubHandlers(): Pick<ApiHandlers, Methods> {
  return {
    'receivables.report': missing,
    'receivables.customer': missing,
    'receivables.dealCheck': missing,
    'receivables.badDebts': missing,
    'receipts.pin': missing,
    'writeOffs.list': missing,
    'writeOffs.create': missing,
    'writeOffs.delete': missing,
    'writeOffs.smallBalances': missing,
    'writeOffs.writeOffSmall': missing,
    'customers.acceptGrade': missing,
  };
}
