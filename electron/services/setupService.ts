import { DomainError } from '../../shared/api/errors';
import { deletePlan, listPlans, planInUse, savePlan } from '../db/repositories/commissionPlans';
import { getCompany, getSettings, setCompany, setSettings } from '../db/repositories/company';
import { checkTermsSettings } from './receivablesChecks';
import { read, write, type ServiceHandlers } from './markers';

type SetupMethods = 'company.get' | 'company.update' | 'settings.get' | 'settings.update' | 'plans.list' | 'plans.save' | 'plans.delete';

/** Company, settings and commission plans. */
export function setupHandlers(): ServiceHandlers<SetupMethods> {
  return {
    'company.get': read((db) => getCompany(db)),
    'company.update': write((db, company) => {
      setCompany(db, company);
      return company;
    }),
    'settings.get': read((db) => getSettings(db)),
    'settings.update': write((db, settings) => {
      checkTermsSettings(db, { ...getSettings(db), ...settings });
      setSettings(db, settings);
      return getSettings(db);
    }),
    'plans.list': read((db) => listPlans(db)),
    'plans.save': write((db, plan) => {
      savePlan(db, plan);
      return plan;
    }),
    'plans.delete': write((db, { id }) => {
      if (planInUse(db, id)) throw new DomainError('inUse.plan', { id });
      if (!deletePlan(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
  };
}
