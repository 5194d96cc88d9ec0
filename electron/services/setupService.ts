import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { deletePlan, listPlans, planInUse, savePlan } from '../db/repositories/commissionPlans';
import { getCompany, getSettings, setCompany, setSettings } from '../db/repositories/company';
import { checkTermsSettings } from './receivablesChecks';
import { read, write, type ServiceHandlers } from './markers';

type SetupMethods = 'company.get' | 'company.update' | 'settings.get' | 'settings.update' | 'plans.list' | 'plans.save' | 'plans.delete';

/** Company, settings and commission plans. */
export function setupHandlers(db: Db): ServiceHandlers<SetupMethods> {
  return {
    'company.get': read(() => getCompany(db)),
    'company.update': write((company) => {
      setCompany(db, company);
      return company;
    }),
    'settings.get': read(() => getSettings(db)),
    'settings.update': write((settings) => {
      checkTermsSettings(db, { ...getSettings(db), ...settings });
      setSettings(db, settings);
      return getSettings(db);
    }),
    'plans.list': read(() => listPlans(db)),
    'plans.save': write((plan) => {
      savePlan(db, plan);
      return plan;
    }),
    'plans.delete': write(({ id }) => {
      if (planInUse(db, id)) throw new DomainError('inUse.plan', { id });
      if (!deletePlan(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    }),
  };
}
