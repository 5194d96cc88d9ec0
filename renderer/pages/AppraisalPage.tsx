import { CheckCircleOutlined, InboxOutlined, LockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { isApproved, stepIndex } from '../../shared/workflow/steps';
import { ApproveModal } from './appraisal/ApproveModal';
import { FormsActions } from './appraisal/FormsActions';
import { WorkflowDrawer } from './appraisal/WorkflowDrawer';
import { Alert, Button, Col, Descriptions, Popconfirm, Row, Space, Table, Typography } from 'antd';
import type { WorkflowItem } from '../../shared/api/contract';
import type { AppraisalRow, IndicatorRow } from '../../shared/engine/appraisal';
import { message as apiMessage } from '../../shared/i18n/messages';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, useReport } from '../components/common';
import { GradeChart } from '../components/GradeChart';
import { gradeTag } from '../components/gradeTag';
import { QuarterProblem } from '../components/QuarterProblem';
import { money, percent } from '../format';
import { useT, type UiKey } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

export function AppraisalPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const lang = useAppStore((s) => s.lang);
  const appraisal = useQuery('appraisal.quarter', { quarter });
  const flow = useQuery('workflow.list', { quarter });
  const archive = useMutation('workflow.archive');
  const [open, setOpen] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  const items = new Map((flow.data ?? []).map((i) => [i.salesperson, i]));
  const stages = (flow.data ?? []).map((i) => stepIndex(i.stage));
  // 审定 takes whoever has had the interview; the others stay open and can be approved later.
  const canApprove = stages.some((s) => s === stepIndex('interview'));
  const canArchive = stages.length > 0 && stages.every((s) => s >= stepIndex('approved')) && stages.some((s) => s === stepIndex('approved'));
  const report = useReport();
  if (appraisal.error) return <QuarterProblem error={appraisal.error} />;
  const data = appraisal.data;
  const frozen = new Set((data?.snapshots ?? []).map((s) => s.salesperson));
  // Drawn with zeros while the figures load, so the page's parts are ready when they arrive.
  const d = data?.report.distribution ?? { counts: { S: 0, A: 0, B: 0, C: 0, D: 0 }, caps: { S: 0, A: 0, SA: 0, CD: 0 }, compliant: true };
  // The table comes first (flex order): at 1366×768 the chart above it left room for four rows.
  return (
    <div style={{ display: 'flex', flexDirection: 'column' }}>
      <Row gutter={16} style={{ order: 2 }}>
        <Col xs={24} lg={10}>
          <PageCard title={t('ap.distribution')}>
            {
              <>
                <Descriptions size="small" column={4} bordered layout="vertical">
                  <Descriptions.Item label="S">{`${d.counts.S} / ${t('ap.cap')} ${d.caps.S}`}</Descriptions.Item>
                  <Descriptions.Item label="A">{`${d.counts.A} / ${t('ap.cap')} ${d.caps.A}`}</Descriptions.Item>
                  <Descriptions.Item label="S+A">{`${d.counts.S + d.counts.A} / ${t('ap.cap')} ${d.caps.SA}`}</Descriptions.Item>
                  <Descriptions.Item label="C+D">{`${d.counts.C + d.counts.D} / ${t('ap.floor')} ${d.caps.CD}`}</Descriptions.Item>
                </Descriptions>
                <GradeChart counts={d.counts} label={t('ap.count')} />
                <div style={{ height: 24 }} />
                <Alert
                  type={d.compliant ? 'success' : 'warning'}
                  showIcon
                  message={data ? (d.compliant ? t('ap.compliant') : t('ap.notCompliant')) : t('loading')}
                  data-testid="distribution-status"
                />
              </>
            }
          </PageCard>
        </Col>
        <Col xs={24} lg={14}>
          <PageCard
            title={`${quarter} · ${t('ap.people', { n: data?.report.appraised ?? 0 })}`}
            extra={
              <Space>
                <FormsActions quarter={quarter} />
                {canApprove && (
                  <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setApproving(true)} data-testid="approve-quarter">
                    {t('wf.approve')}
                  </Button>
                )}
                {canArchive && (
                  <Popconfirm
                    title={t('wf.archiveConfirm')}
                    onConfirm={async () =>
                      report(await archive({ quarter, by: flow.data?.[0]?.record.steps.approved?.by ?? t('wf.approver') }), t('wf.archived'))
                    }
                  >
                    <Button icon={<InboxOutlined />}>{t('wf.archive')}</Button>
                  </Popconfirm>
                )}
              </Space>
            }
          >
            <Space direction="vertical" style={{ width: '100%' }} data-testid="appraisal-warnings">
              {flow.data && <ApprovalStatus items={flow.data} />}
              {(data?.warnings ?? []).map((w) => (
                <Alert
                  key={w.message}
                  type="warning"
                  showIcon
                  message={apiMessage(w.code, { ...w.params, ...(w.params.cny ? { cny: money(String(w.params.cny)) } : {}) }, lang)}
                />
              ))}
              {data && data.warnings.length === 0 && <Alert type="success" showIcon message={t('ap.compliant')} />}
            </Space>
          </PageCard>
        </Col>
      </Row>
      <PageCard>
        <div data-testid="appraisal-table">
          <Table<AppraisalRow>
            rowKey="salesperson"
            size="small"
            bordered
            loading={appraisal.loading}
            dataSource={data?.report.rows ?? []}
            pagination={false}
            scroll={{ x: 1330 }}
            expandable={{ expandedRowRender: (row) => <Indicators rows={row.indicators} /> }}
            columns={[
              { title: t('ap.rank'), dataIndex: 'rank', width: 58, align: 'center', sorter: (a, b) => a.rank - b.rank },
              {
                title: t('sp.name'),
                dataIndex: 'name',
                width: 84,
                fixed: 'left',
                render: (name: string, r) => (
                  <span data-testid={`row-${r.salesperson}`} title={frozen.has(r.salesperson) ? t('wf.frozen') : undefined}>
                    {name}
                    {frozen.has(r.salesperson) && <LockOutlined style={{ marginLeft: 4, color: '#888', fontSize: 11 }} />}
                  </span>
                ),
              },
              { title: t('kpi.deal_volume'), dataIndex: 'dealVolume', width: 118, align: 'right', render: money },
              { title: t('kpi.settled'), dataIndex: 'settled', width: 118, align: 'right', render: money },
              { title: t('kpi.new_customers'), dataIndex: 'newCustomers', width: 60, align: 'right' },
              {
                title: t('ap.errorRate'),
                dataIndex: 'errorRatePct',
                width: 80,
                align: 'right',
                render: (v: string | null) => (v === null ? t('ap.notApplicable') : percent(v)),
              },
              { title: t('ap.weighted'), dataIndex: 'weightedScore', width: 72, align: 'right' },
              { title: t('ap.adjustments'), dataIndex: 'adjustments', width: 64, align: 'right' },
              { title: t('ap.total'), dataIndex: 'total', width: 64, align: 'right', render: (v: string) => <strong>{v}</strong> },
              { title: t('ap.grade'), dataIndex: 'grade', width: 52, align: 'center', render: gradeTag },
              { title: t('ap.forcedGrade'), dataIndex: 'forcedGrade', width: 64, align: 'center', render: gradeTag },
              // The figures a reader comes for stay in view (fixed right) while the indicators scroll.
              { title: t('ap.finalGrade'), dataIndex: 'finalGrade', width: 76, align: 'center', fixed: 'right', render: gradeTag },
              { title: t('ap.coefficient'), dataIndex: 'coefficient', width: 52, align: 'right', fixed: 'right' },
              { title: t('ap.performancePay'), dataIndex: 'performancePay', width: 100, align: 'right', fixed: 'right', render: money },
              { title: t('ap.commission'), dataIndex: ['commission', 'total'], width: 108, align: 'right', fixed: 'right', render: money },
              {
                title: t('wf.flow'),
                width: 190,
                fixed: 'right',
                render: (_, row) => {
                  const item = items.get(row.salesperson);
                  if (!item) return null;
                  // The step to do next and its deadline; an approved or archived person has none.
                  const label =
                    item.next === null || item.next === 'archived'
                      ? item.stage === 'archived'
                        ? t('wf.archived')
                        : t('wf.approved')
                      : t('wf.todo', { step: t(`wf.step.${item.next}` as UiKey) });
                  const due = item.next && item.next !== 'archived' && item.due ? item.due : null;
                  return (
                    // Plain elements: fifty rows of components would slow the page's first draw.
                    <span data-testid={`flow-${row.salesperson}`}>
                      <a role="button" onClick={() => setOpen(row.salesperson)} style={{ marginRight: 8 }}>
                        {label}
                      </a>
                      {due && (
                        <span style={{ color: item.overdue ? '#c8463d' : '#888', fontSize: 12 }}>
                          {item.overdue ? t('wf.overdueOn', { due: due.slice(5) }) : t('wf.dueOn', { due: due.slice(5) })}
                        </span>
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        </div>
        {data && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="unmatched-summary">
            {t('ap.unmatched', { count: data.report.unmatchedReceipts.count, cny: money(data.report.unmatchedReceipts.cny) })}
          </Typography.Paragraph>
        )}
      </PageCard>
      <WorkflowDrawer item={open ? (items.get(open) ?? null) : null} onClose={() => setOpen(null)} />
      <ApproveModal
        open={approving}
        quarter={quarter}
        report={data?.report}
        items={flow.data ?? []}
        snapshots={data?.snapshots ?? []}
        onClose={() => setApproving(false)}
      />
    </div>
  );
}

/** What blocks 审定, in a sentence: who has not had the interview, and how many are approved. */
function ApprovalStatus({ items }: { items: WorkflowItem[] }) {
  const t = useT();
  const waiting = items.filter((i) => stepIndex(i.stage) < stepIndex('interview'));
  const ready = items.filter((i) => i.stage === 'interview');
  const approved = items.filter((i) => isApproved(i.stage));
  if (items.length === 0) return null;
  if (approved.length === items.length) return <Alert type="success" showIcon message={t('wf.allApproved')} data-testid="approval-status" />;
  const names =
    waiting
      .slice(0, 8)
      .map((i) => i.name)
      .join('、') + (waiting.length > 8 ? '…' : '');
  const parts = [
    ...(waiting.length > 0 ? [t('wf.blockers', { n: waiting.length, names })] : []),
    ...(ready.length > 0 ? [t('wf.readyCount', { n: ready.length })] : []),
    ...(approved.length > 0 ? [t('wf.approvedCount', { n: approved.length })] : []),
  ];
  return <Alert type={ready.length > 0 ? 'info' : 'warning'} showIcon message={parts.join('；')} data-testid="approval-status" />;
}

function Indicators({ rows }: { rows: IndicatorRow[] }) {
  const t = useT();
  return (
    <Table<IndicatorRow>
      rowKey="kpi"
      size="small"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 640 }}
      columns={[
        { title: t('ap.indicator'), dataIndex: 'kpi', render: (kpi: string, r) => r.name ?? t(`kpi.${kpi}` as UiKey) },
        { title: t('tg.weight'), dataIndex: 'weight', align: 'right' },
        {
          title: t('ap.actual'),
          dataIndex: 'actual',
          align: 'right',
          render: (v: string | null, r) =>
            v === null
              ? '—'
              : r.kpi === 'error_rate' || r.kpi === 'collection_rate' || r.kpi === 'overdue_rate'
                ? percent(v)
                : r.kpi === 'new_customers'
                  ? v
                  : money(v),
        },
        { title: t('ap.score'), dataIndex: 'score', align: 'right', render: (v: string | null) => v ?? t('ap.notApplicable') },
      ]}
    />
  );
}
