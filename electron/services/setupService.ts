import type { ApiHandlers } from '../../shared/api/contract';
import { DomainError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { deletePlan, listPlans, planInUse, savePlan } from '../db/repositories/commissionPlans';
import { getCompany, getSettings, setCompany, setSettings } from '../db/repositories/company';
import { checkTermsSettings } from './receivablesChecks';

type SetupMethods = 'company.get' | 'company.update' | 'settings.get' | 'settings.update' | 'plans.list' | 'plans.save' | 'plans.delete';

/** Company, settings and commission plans. */
export function setupHandlers(db: Db): Pick<ApiHandlers, SetupMethods> {
  return {
    'company.get': () => getCompany(db),
    'company.update': (company) => {
      setCompany(db, company);
      return company;
    },
    'settings.get': () => getSettings(db),
    'settings.update': (settings) => {
      checkTermsSettings(db, { ...getSettings(db), ...settings });
      setSettings(db, settings);
      return getSettings(db);
    },
    'plans.list': () => listPlans(db),
    'plans.save': (plan) => {
      savePlan(db, plan);
      return plan;
    },
    'plans.delete': ({ id }) => {
      if (planInUse(db, id)) throw new DomainError('inUse.plan', { id });
      if (!deletePlan(db, id)) throw new DomainError('notFound.record', { id });
      return null;
    },
  };
}
