import { Card, Col, Empty, Row, Statistic, Table, Tag } from 'antd';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Dec } from '../../shared/money';
import { useQuery } from '../api/hooks';
import { PageCard } from '../components/common';
import { QuarterProblem } from '../components/QuarterProblem';
import { money } from '../format';
import { useT, type UiKey } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { SetupGuide } from './home/SetupGuide';
import { HomeReceivables } from './HomeReceivables';

/** Completion of a money target in percent, to one decimal (for the chart only). */
function progress(actual: string, target: string | undefined): number {
  if (!target || new Dec(target).isZero()) return 0;
  return new Dec(actual).div(target).times(100).toDecimalPlaces(1).toNumber();
}

export function HomePage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const appraisal = useQuery('appraisal.quarter', { quarter });
  const sheets = useQuery('targets.list', { quarter });
  const rows = appraisal.data?.report.rows ?? [];
  const sum = (pick: (r: (typeof rows)[number]) => string) => rows.reduce((s, r) => s.plus(pick(r)), new Dec(0)).toFixed(2);
  const targetOf = (id: string, kpi: string) => sheets.data?.find((s) => s.salesperson === id)?.indicators.find((i) => i.kpi === kpi)?.target;
  const chart = rows.map((r) => ({
    name: r.name,
    [t('kpi.deal_volume')]: progress(r.dealVolume, targetOf(r.salesperson, 'deal_volume')),
    [t('kpi.settled')]: progress(r.settled, targetOf(r.salesperson, 'settled')),
  }));
  const due = useQuery('workflow.due', {});
  const unmatched = appraisal.data?.report.unmatchedReceipts;
  const top = Math.max(125, ...chart.flatMap((c) => Object.values(c).filter((v): v is number => typeof v === 'number')));
  const ticks = Array.from({ length: Math.ceil(top / 25) + 1 }, (_, i) => i * 25);
  return (
    <>
      <SetupGuide />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.appraised')} value={rows.length} />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.deals')} value={money(sum((r) => r.dealVolume))} prefix="¥" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title={t('home.settled')} value={money(sum((r) => r.settled))} prefix="¥" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('home.unmatched')}
              value={unmatched ? `${unmatched.count} · ¥${money(unmatched.cny)}` : '—'}
              valueStyle={{ color: unmatched && unmatched.count > 0 ? '#c8463d' : undefined }}
            />
          </Card>
        </Col>
      </Row>
      {appraisal.error && appraisal.error.code !== 'appraise.noOne' && <QuarterProblem error={appraisal.error} />}
      <PageCard title={`${quarter} ${t('home.progress')}`}>
        {rows.length === 0 ? (
          <Empty description={t('home.empty')} />
        ) : (
          <div data-testid="progress-chart">
            <ResponsiveContainer width="100%" height={Math.max(260, rows.length * 56)}>
              <BarChart data={chart} layout="vertical" margin={{ left: 24, right: 48, top: 8 }}>
                <CartesianGrid horizontal={false} stroke="#eee" />
                <XAxis type="number" unit="%" domain={[0, ticks[ticks.length - 1] ?? 125]} ticks={ticks} />
                <YAxis type="category" dataKey="name" width={80} />
                <Tooltip formatter={(v) => `${v}%`} />
                <Legend />
                <ReferenceLine
                  x={100}
                  stroke="#c8463d"
                  strokeDasharray="4 4"
                  label={{ value: t('home.target'), position: 'insideTopRight', fill: '#c8463d' }}
                />
                <Bar dataKey={t('kpi.deal_volume')} fill="#1f5fa8" isAnimationActive={false}>
                  <LabelList position="right" formatter={(v) => `${String(v)}%`} fontSize={11} />
                </Bar>
                <Bar dataKey={t('kpi.settled')} fill="#2f9e6e" isAnimationActive={false}>
                  <LabelList position="right" formatter={(v) => `${String(v)}%`} fontSize={11} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </PageCard>
      <HomeReceivables />
      <PageCard title={t('home.due')}>
        <Table
          size="small"
          rowKey={(item) => `${item.quarter}-${item.salesperson}`}
          dataSource={due.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('home.noDue') }}
          data-testid="due-list"
          columns={[
            { title: t('sp.name'), render: (_, item) => `${item.name}（${item.salesperson}）` },
            { title: t('quarter'), dataIndex: 'quarter', width: 100 },
            { title: t('wf.flow'), render: (_, item) => (item.next ? t(`wf.step.${item.next}` as UiKey) : '') },
            { title: t('wf.dueOn', { due: '' }).trim(), dataIndex: 'due', width: 120 },
            { title: '', width: 90, render: (_, item) => (item.overdue ? <Tag color="red">{t('wf.overdue')}</Tag> : null) },
          ]}
        />
      </PageCard>
    </>
  );
}
