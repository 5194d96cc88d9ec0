import { DomainError } from '../../shared/api/errors';
import { customerExists, customerInUse, deleteCustomer, getCustomer, insertCustomer, listCustomers, updateCustomer } from '../db/repositories/customers';
import {
  deleteSalesperson,
  getSalesperson,
  insertSalesperson,
  listSalespeople,
  salespersonExists,
  salespersonInUse,
  updateSalesperson,
} from '../db/repositories/salespeople';
import { rematchCustomer } from './bankImport/payerService';
import { requireFound, requirePlan, requireSalesperson } from './references';
import { getSettings } from '../db/repositories/company';
import { requireTerms } from './receivablesChecks';
import { read, write, type ServiceHandlers } from './markers';

type PeopleMethods =
  | 'salespeople.list'
  | 'salespeople.create'
  | 'salespeople.update'
  | 'salespeople.delete'
  | 'customers.list'
  | 'customers.create'
  | 'customers.update'
  | 'customers.delete';

/** Salespeople and customers (with their aliases and owner). */
export function peopleHandlers(): ServiceHandlers<PeopleMethods> {
  return {
    'salespeople.list': read((db) => listSalespeople(db)),
    'salespeople.create': write((db, person) => {
      if (salespersonExists(db, person.id)) throw new DomainError('dup.id', { id: person.id }, { field: 'id' });
      requirePlan(db, person.commissionPlan, 'commissionPlan');
      insertSalesperson(db, person);
      return person;
    }),
    'salespeople.update': write((db, person) => {
      requirePlan(db, person.commissionPlan, 'commissionPlan');
      if (!updateSalesperson(db, person)) throw new DomainError('notFound.salesperson', { id: person.id });
      return requireFound(getSalesperson(db, person.id), person.id);
    }),
    'salespeople.delete': write((db, { id }) => {
      if (!salespersonExists(db, id)) throw new DomainError('notFound.salesperson', { id });
      if (salespersonInUse(db, id)) throw new DomainError('inUse.salesperson', { id });
      deleteSalesperson(db, id);
      return null;
    }),
    'customers.list': read((db, query) => listCustomers(db, query)),
    'customers.create': write((db, customer) => {
      if (customerExists(db, customer.id)) throw new DomainError('dup.id', { id: customer.id }, { field: 'id' });
      requireSalesperson(db, customer.owner, 'owner');
      requireTerms(getSettings(db), customer.terms, 'terms');
      insertCustomer(db, customer);
      rematchCustomer(db, null, customer);
      return requireFound(getCustomer(db, customer.id), customer.id);
    }),
    'customers.update': write((db, customer) => {
      requireSalesperson(db, customer.owner, 'owner');
      const before = getCustomer(db, customer.id);
      requireTerms(getSettings(db), customer.terms, 'terms');
      if (!updateCustomer(db, customer)) throw new DomainError('notFound.customer', { id: customer.id });
      // Receipts follow the names: a removed alias lets go of what it matched, a new one picks up its payer's.
      rematchCustomer(db, before, customer);
      return requireFound(getCustomer(db, customer.id), customer.id);
    }),
    'customers.delete': write((db, { id }) => {
      if (!customerExists(db, id)) throw new DomainError('notFound.customer', { id });
      if (customerInUse(db, id)) throw new DomainError('inUse.customer', { id });
      deleteCustomer(db, id);
      return null;
    }),
  };
}
