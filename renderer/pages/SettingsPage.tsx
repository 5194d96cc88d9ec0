import { Tabs } from 'antd';
import { PageCard } from '../components/common';
import { useT } from '../i18n/strings';
import { DataTab } from './settings/DataTab';
import { FxTab } from './settings/FxTab';
import { GeneralTab } from './settings/GeneralTab';
import { PlansTab } from './settings/PlansTab';
import { ScoringTab } from './settings/ScoringTab';
import { TermsTab } from './settings/TermsTab';

export function SettingsPage() {
  const t = useT();
  return (
    <PageCard>
      <Tabs
        items={[
          { key: 'general', label: t('set.general'), children: <GeneralTab /> },
          { key: 'scoring', label: t('set.rules'), children: <ScoringTab /> },
          { key: 'plans', label: t('set.plans'), children: <PlansTab /> },
          { key: 'terms', label: <span data-testid="tab-terms">{t('set.terms')}</span>, children: <TermsTab /> },
          { key: 'fx', label: t('set.fx'), children: <FxTab /> },
          { key: 'data', label: `${t('set.bundle')} / ${t('set.backup')}`, children: <DataTab /> },
        ]}
      />
    </PageCard>
  );
}
