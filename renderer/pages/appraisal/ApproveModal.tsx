import { Alert, Form, Input, Modal, Switch, Typography } from 'antd';
import type { AppraisalReport } from '../../../shared/engine/appraisal';
import { useMutation } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';

type Props = { open: boolean; quarter: string; report: AppraisalReport | undefined; onClose(): void };

/** 审定: the approver sees the distribution check and chooses whether to apply forced ranking. */
export function ApproveModal({ open, quarter, report, onClose }: Props) {
  const t = useT();
  const approve = useMutation('workflow.approve');
  const notify = useReport();
  const [form] = Form.useForm<{ by: string; opinion: string; forcedRanking: boolean }>();
  const d = report?.distribution;
  const submit = async () => {
    const v = await form.validateFields();
    if (notify(await approve({ quarter, by: v.by, opinion: v.opinion, forcedRanking: v.forcedRanking === true }), t('wf.approved'))) onClose();
  };
  return (
    <Modal open={open} title={t('wf.approveTitle', { quarter })} onCancel={onClose} onOk={() => void submit()} okText={t('wf.do.approve')} cancelText={t('cancel')} destroyOnHidden>
      {d && (
        <Alert
          type={d.compliant ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={d.compliant ? t('ap.compliant') : t('ap.notCompliant')}
          description={`S ${d.counts.S}/${d.caps.S} · A ${d.counts.A}/${d.caps.A} · S+A ${d.counts.S + d.counts.A}/${d.caps.SA} · C+D ${d.counts.C + d.counts.D} ≥ ${d.caps.CD}`}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ forcedRanking: false }}>
        <Form.Item name="by" label={t('wf.approver')} rules={[{ required: true, message: t('wf.required') }]}>
          <Input data-testid="approve-by" />
        </Form.Item>
        <Form.Item name="opinion" label={t('wf.opinion')} rules={[{ required: true, message: t('wf.required') }]}>
          <Input.TextArea rows={3} data-testid="approve-opinion" />
        </Form.Item>
        <Form.Item name="forcedRanking" label={t('ap.force')} valuePropName="checked" extra={<Typography.Text type="secondary">{t('wf.forceHint')}</Typography.Text>}>
          <Switch data-testid="approve-force" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
