import { DomainError } from '../../shared/api/errors';
import type { ReadDb } from '../db/handles';
import { planExists } from '../db/repositories/commissionPlans';
import { customerExists } from '../db/repositories/customers';
import { salespersonExists } from '../db/repositories/salespeople';

/** Refuses a record that points at a salesperson, customer or plan that is not there. */
export function requireSalesperson(db: ReadDb, id: string | null, field: string): void {
  if (id !== null && !salespersonExists(db, id)) throw new DomainError('ref.salesperson', { id }, { field });
}

export function requireCustomer(db: ReadDb, id: string | null, field: string): void {
  if (id !== null && !customerExists(db, id)) throw new DomainError('ref.customer', { id }, { field });
}

export function requirePlan(db: ReadDb, id: string | null, field: string): void {
  if (id !== null && !planExists(db, id)) throw new DomainError('ref.plan', { id }, { field });
}

export function requireFound<T>(value: T | null, id: string | number): T {
  if (value === null) throw new DomainError('notFound.record', { id });
  return value;
}
