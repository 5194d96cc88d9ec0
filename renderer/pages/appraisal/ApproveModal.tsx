import { Alert, Form, Input, Modal, Switch, Typography } from 'antd';
import type { SnapshotInfo, WorkflowItem } from '../../../shared/api/contract';
import type { AppraisalReport } from '../../../shared/engine/appraisal';
import { stepIndex } from '../../../shared/workflow/steps';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT, type UiKey } from '../../i18n/strings';

type Props = { open: boolean; quarter: string; report: AppraisalReport | undefined; items: WorkflowItem[]; snapshots: SnapshotInfo[]; onClose(): void };

/**
 * 审定: the approver sees the distribution check over everyone of the quarter, who is approved
 * now (with the reviewer's comment) and who is not yet, and chooses forced ranking. The choice is
 * stored with the approval; once anybody of the quarter is approved it is fixed.
 */
export function ApproveModal({ open, quarter, report, items, snapshots, onClose }: Props) {
  const t = useT();
  const approve = useMutation('workflow.approve');
  const settings = useQuery('settings.get', open ? {} : null);
  const notify = useReport();
  const [form] = Form.useForm<{ by: string; opinion: string; forcedRanking: boolean }>();
  const d = report?.distribution;
  const fixedChoice = snapshots[0]?.forcedRanking;
  const ready = items.filter((i) => i.stage === 'interview');
  const waiting = items.filter((i) => stepIndex(i.stage) < stepIndex('interview'));
  const submit = async () => {
    // Missing 审定人 or opinion is shown beside the field; no uncaught rejection.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (notify(await approve({ quarter, by: v.by, opinion: v.opinion, forcedRanking: v.forcedRanking === true }), t('wf.approved'))) onClose();
  };
  if (open && settings.data === undefined && fixedChoice === undefined) return null;
  return (
    <Modal
      open={open}
      title={t('wf.approveTitle', { quarter })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('wf.do.approve')}
      cancelText={t('cancel')}
      destroyOnHidden
      styles={{ body: { maxHeight: 'calc(100vh - 260px)', overflowY: 'auto' } }}
    >
      {d && (
        <Alert
          type={d.compliant ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          message={d.compliant ? t('ap.compliant') : t('ap.notCompliant')}
          description={`S ${d.counts.S}/${d.caps.S} · A ${d.counts.A}/${d.caps.A} · S+A ${d.counts.S + d.counts.A}/${d.caps.SA} · C+D ${d.counts.C + d.counts.D} ≥ ${d.caps.CD}。${t('wf.coverAll', { n: report?.appraised ?? 0 })}`}
        />
      )}
      <Typography.Text strong>{t('wf.toApprove')}</Typography.Text>
      <ul style={{ paddingLeft: 20, marginTop: 4 }} data-testid="approve-ready">
        {ready.map((i) => (
          <li key={i.salesperson}>
            {i.name}（{i.salesperson}）
            {i.record.steps.interview && (
              <Typography.Paragraph
                type="secondary"
                style={{ marginBottom: 4, fontSize: 12 }}
                ellipsis={{ rows: 2, expandable: true }}
                data-testid={`approve-comment-${i.salesperson}`}
              >
                {t('wf.reviewerComment', { by: i.record.steps.interview.by })}：{i.record.steps.interview.comment}
              </Typography.Paragraph>
            )}
          </li>
        ))}
      </ul>
      {waiting.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="approve-waiting"
          message={`${t('wf.notYet')}：${waiting.map((i) => `${i.name}（${i.stage === 'none' ? t('wf.stage.none') : t('wf.todo', { step: t(`wf.step.${i.next ?? 'targets'}` as UiKey) })}）`).join('、')}`}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ forcedRanking: fixedChoice ?? settings.data?.forcedRanking ?? false }}>
        <Form.Item name="by" label={t('wf.approver')} rules={[{ required: true, message: t('wf.required', { field: t('wf.approver') }) }]}>
          <Input data-testid="approve-by" />
        </Form.Item>
        <Form.Item name="opinion" label={t('wf.opinion')} rules={[{ required: true, message: t('wf.required', { field: t('wf.opinion') }) }]}>
          <Input.TextArea rows={3} data-testid="approve-opinion" />
        </Form.Item>
        <Form.Item
          name="forcedRanking"
          label={t('ap.force')}
          valuePropName="checked"
          extra={<Typography.Text type="secondary">{fixedChoice === undefined ? t('wf.forceHint') : t('wf.forceFixed')}</Typography.Text>}
        >
          <Switch data-testid="approve-force" disabled={fixedChoice !== undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
