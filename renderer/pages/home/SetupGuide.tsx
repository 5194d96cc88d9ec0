import { CheckCircleFilled, CloseOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Steps, Typography } from 'antd';
import { useQuery } from '../../api/hooks';
import { useT, type UiKey } from '../../i18n/strings';
import { useAppStore, type PageKey } from '../../state/appStore';

type Step = { key: string; done: boolean; go: () => void };

/**
 * First-run checklist on 首页 (公司 → 提成方案 → 汇率 → 业务员 → 客户 → 导入银行流水 → 目标): each step
 * ticks itself off as its data appears and links to where it is entered. Hidden once all are
 * done, or when closed by hand.
 */
export function SetupGuide() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const guideDismissed = useAppStore((s) => s.guideDismissed);
  const dismissGuide = useAppStore((s) => s.dismissGuide);
  const setPage = useAppStore((s) => s.setPage);
  const openSettings = useAppStore((s) => s.openSettings);
  const skip = guideDismissed;
  const company = useQuery('company.get', skip ? null : {});
  const plans = useQuery('plans.list', skip ? null : {});
  const rates = useQuery('fxRates.list', skip ? null : {});
  const people = useQuery('salespeople.list', skip ? null : {});
  const customers = useQuery('customers.list', skip ? null : { limit: 1 });
  const receipts = useQuery('receipts.list', skip ? null : { limit: 1 });
  const targets = useQuery('targets.list', skip ? null : { quarter });
  const loaded = [company, plans, rates, people, customers, receipts, targets].every((q) => !q.loading);
  if (skip || !loaded) return null;
  const page = (key: PageKey) => () => setPage(key);
  const steps: Step[] = [
    { key: 'company', done: !!company.data?.name, go: () => openSettings('general') },
    { key: 'plans', done: (plans.data?.length ?? 0) > 0, go: () => openSettings('plans') },
    { key: 'fx', done: (rates.data?.length ?? 0) > 0, go: () => openSettings('fx') },
    { key: 'salespeople', done: (people.data?.length ?? 0) > 0, go: page('salespeople') },
    { key: 'customers', done: (customers.data?.total ?? 0) > 0, go: page('customers') },
    { key: 'import', done: (receipts.data?.total ?? 0) > 0, go: page('receipts') },
    { key: 'targets', done: (targets.data?.length ?? 0) > 0, go: page('targets') },
  ];
  const done = steps.filter((s) => s.done).length;
  if (done === steps.length) return null;
  const current = steps.findIndex((s) => !s.done);
  return (
    <Card
      title={t('guide.title')}
      style={{ marginBottom: 16 }}
      data-testid="setup-guide"
      extra={
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={dismissGuide} data-testid="guide-dismiss">
          {t('guide.dismiss')}
        </Button>
      }
    >
      <Progress
        percent={Math.round((done / steps.length) * 100)}
        format={() => t('guide.progress', { done, total: steps.length })}
        style={{ maxWidth: 420, marginBottom: 12 }}
      />
      <Steps
        orientation="horizontal"
        size="small"
        current={current}
        items={steps.map((s, i) => ({
          status: s.done ? 'finish' : i === current ? 'process' : 'wait',
          icon: s.done ? <CheckCircleFilled style={{ color: '#2f9e6e' }} /> : undefined,
          title: (
            <span data-testid={`guide-${s.key}`} data-done={s.done ? 'yes' : 'no'}>
              {t(`guide.${s.key}` as UiKey)}
            </span>
          ),
          description: s.done ? null : (
            <Typography.Link onClick={s.go} data-testid={`guide-go-${s.key}`}>
              {t('guide.go')} <RightOutlined style={{ fontSize: 10 }} />
            </Typography.Link>
          ),
        }))}
      />
    </Card>
  );
}
