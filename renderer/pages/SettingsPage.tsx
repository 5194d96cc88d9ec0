import { Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { PageCard } from '../components/common';
import { useT } from '../i18n/strings';
import { DataTab } from './settings/DataTab';
import { FxTab } from './settings/FxTab';
import { GeneralTab } from './settings/GeneralTab';
import { PlansTab } from './settings/PlansTab';
import { ScoringTab } from './settings/ScoringTab';
import { useAppStore } from '../state/appStore';
import { TermsTab } from './settings/TermsTab';

export function SettingsPage() {
  const t = useT();
  // A link elsewhere (the first-run guide, a missing rate) may ask for a tab.
  const asked = useAppStore((s) => s.settingsTab);
  const [tab, setTab] = useState(asked ?? 'general');
  useEffect(() => {
    if (asked) setTab(asked);
  }, [asked]);
  return (
    <PageCard>
      <Tabs
        activeKey={tab}
        onChange={setTab}
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
