import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
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
import { requireFound, requirePlan, requireSalesperson } from './references';
import { getSettings } from '../db/repositories/company';
import { requireTerms } from './receivablesChecks';

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
export function peopleHandlers(db: Db): Pick<ApiHandlers, PeopleMethods> {
  return {
    'salespeople.list': () => listSalespeople(db),
    'salespeople.create': (person) => {
      if (salespersonExists(db, person.id)) throw new DomainError('dup.id', { id: person.id }, { field: 'id' });
      requirePlan(db, person.commissionPlan, 'commissionPlan');
      insertSalesperson(db, person);
      return person;
    },
    'salespeople.update': (person) => {
      requirePlan(db, person.commissionPlan, 'commissionPlan');
      if (!updateSalesperson(db, person)) throw new DomainError('notFound.salesperson', { id: person.id });
      return requireFound(getSalesperson(db, person.id), person.id);
    },
    'salespeople.delete': ({ id }) => {
      if (!salespersonExists(db, id)) throw new DomainError('notFound.salesperson', { id });
      if (salespersonInUse(db, id)) throw new DomainError('inUse.salesperson', { id });
      deleteSalesperson(db, id);
      return null;
    },
    'customers.list': (query) => listCustomers(db, query),
    'customers.create': (customer) => {
      if (customerExists(db, customer.id)) throw new DomainError('dup.id', { id: customer.id }, { field: 'id' });
      requireSalesperson(db, customer.owner, 'owner');
      requireTerms(getSettings(db), customer.terms, 'terms');
      insertCustomer(db, customer);
      return requireFound(getCustomer(db, customer.id), customer.id);
    },
    'customers.update': (customer) => {
      requireSalesperson(db, customer.owner, 'owner');
      requireTerms(getSettings(db), customer.terms, 'terms');
      if (!updateCustomer(db, customer)) throw new DomainError('notFound.customer', { id: customer.id });
      return requireFound(getCustomer(db, customer.id), customer.id);
    },
    'customers.delete': ({ id }) => {
      if (!customerExists(db, id)) throw new DomainError('notFound.customer', { id });
      if (customerInUse(db, id)) throw new DomainError('inUse.customer', { id });
      deleteCustomer(db, id);
      return null;
    },
  };
}
