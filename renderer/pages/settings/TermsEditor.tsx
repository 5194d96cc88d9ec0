import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { PaymentTerms, TermsInstalment } from '../../../shared/domain';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { instalmentsOf, termsProblems, type InstalmentPreview } from '../../../shared/receivables/terms';
import { useMutation } from '../../api/hooks';
import { useReport, type Editing } from '../../components/common';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

type Draft = { id: string; name: string; instalments: Partial<TermsInstalment>[] };

const SAMPLE_AMOUNT = '100000.00';

/** A terms draft with every instalment complete, or null while one is not. */
function complete(draft: Draft | undefined): PaymentTerms | null {
  const instalments = draft?.instalments ?? [];
  if (instalments.length === 0 || instalments.some((i) => !i || !i.percent || !i.from || typeof i.days !== 'number')) return null;
  return {
    id: draft?.id ?? '',
    name: draft?.name ?? '',
    instalments: instalments.map((i) => ({ percent: String(i.percent).trim(), from: i.from!, days: i.days! })),
  };
}

/** Adds or edits one 付款方式, with the instalments of a sample deal drawn as the user types. */
export function TermsEditor({ editing, terms, onClose }: { editing: Editing<PaymentTerms>; terms: PaymentTerms[]; onClose(): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const save = useMutation('settings.update');
  const report = useReport();
  const [form] = Form.useForm<Draft>();
  const [problem, setProblem] = useState<string | null>(null);
  const record = editing.open ? editing.record : null;
  const draft = Form.useWatch([], form) as Draft | undefined;
  useEffect(() => {
    if (!editing.open) return;
    form.resetFields();
    setProblem(null);
    form.setFieldsValue(
      record
        ? { ...record, instalments: (record.instalments ?? []).map((i) => ({ ...i })) }
        : {
            id: '',
            name: '',
            instalments: [
              { percent: '30', from: 'signed', days: 0 },
              { percent: '70', from: 'shipped', days: 0 },
            ],
          },
    );
  }, [editing.open, record, form]);

  const today = dayjs().format('YYYY-MM-DD');
  const shipped = dayjs().add(20, 'day').format('YYYY-MM-DD');
  const usable = complete(draft);
  const problems = usable ? termsProblems(usable) : [];
  const preview = usable && problems.length === 0 ? instalmentsOf({ amount: SAMPLE_AMOUNT, signedOn: today, shippedOn: shipped }, usable) : [];
  const sum = (draft?.instalments ?? []).reduce((s, i) => s + (Number(i?.percent) || 0), 0);

  const submit = async () => {
    const v = form.getFieldsValue();
    const next = complete(v);
    if (!next) return setProblem(t('terms.incomplete'));
    const local = termsProblems(next);
    if (local[0]) return setProblem(apiMessage(local[0].code, local[0].params, lang));
    const id = v.id.trim();
    if (!record && terms.some((p) => p.id === id)) return setProblem(t('terms.duplicate', { id }));
    const entry = { ...next, id, name: v.name.trim() };
    const list = record ? terms.map((p) => (p.id === record.id ? entry : p)) : [...terms, entry];
    const result = await save({ paymentTerms: list });
    if (result.ok) {
      report(result, t('saved'));
      onClose();
    } else setProblem(apiMessage(result.error.code, result.error.params ?? {}, lang));
  };

  return (
    <Modal
      title={t('set.terms')}
      open={editing.open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Space size="middle" style={{ display: 'flex' }}>
          <Form.Item name="id" label={t('terms.id')} style={{ width: 160 }}>
            <Input disabled={record !== null} data-testid="terms-id" />
          </Form.Item>
          <Form.Item name="name" label={t('terms.name')} style={{ width: 360 }}>
            <Input placeholder={t('terms.namePlaceholder')} data-testid="terms-name" />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('terms.instalments')}</Typography.Text>
        <Form.List name="instalments">
          {(items, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {items.map((item, n) => (
                <Space key={item.key} align="baseline" style={{ display: 'flex' }} data-testid={`terms-row-${n}`}>
                  <Typography.Text type="secondary" style={{ width: 48, display: 'inline-block' }}>
                    {t('terms.nth', { n: n + 1 })}
                  </Typography.Text>
                  <Form.Item name={[item.name, 'percent']} style={{ marginBottom: 8 }}>
                    <Input suffix="%" style={{ width: 110 }} inputMode="decimal" data-testid={`terms-percent-${n}`} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'from']} style={{ marginBottom: 8 }}>
                    <Select
                      style={{ width: 110 }}
                      options={[
                        { value: 'signed', label: t('terms.fromSigned') },
                        { value: 'shipped', label: t('terms.fromShipped') },
                      ]}
                      data-testid={`terms-from-${n}`}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'days']} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} precision={0} addonAfter={t('terms.days')} style={{ width: 140 }} data-testid={`terms-days-${n}`} />
                  </Form.Item>
                  {items.length > 1 && <MinusCircleOutlined onClick={() => remove(item.name)} title={t('delete')} />}
                </Space>
              ))}
              <Space>
                <Button
                  type="dashed"
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ percent: '', from: 'shipped', days: 0 })}
                  data-testid="terms-add-row"
                >
                  {t('terms.addInstalment')}
                </Button>
                <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="terms-sum">
                  {t('terms.sum', { sum: Number(sum.toFixed(4)) })}
                </Typography.Text>
              </Space>
            </div>
          )}
        </Form.List>
      </Form>
      {problem && <Alert type="error" showIcon style={{ marginTop: 12 }} message={problem} data-testid="terms-problem" />}
      <Typography.Text strong style={{ display: 'block', marginTop: 16 }}>
        {t('terms.preview', { amount: money(SAMPLE_AMOUNT), signed: today, shipped })}
      </Typography.Text>
      {problems[0] ? (
        <Typography.Text type="danger">{apiMessage(problems[0].code, problems[0].params, lang)}</Typography.Text>
      ) : (
        <Table<InstalmentPreview>
          size="small"
          rowKey="number"
          pagination={false}
          dataSource={preview}
          style={{ marginTop: 8 }}
          data-testid="terms-preview"
          locale={{ emptyText: t('terms.incomplete') }}
          columns={[
            { title: t('rv.number'), dataIndex: 'number', width: 60, align: 'center' },
            { title: t('terms.percent'), dataIndex: 'percent', width: 80, align: 'right', render: (p: string) => `${p}%` },
            { title: t('terms.base'), dataIndex: 'from', width: 90, render: (f: string) => t(f === 'signed' ? 'terms.fromSigned' : 'terms.fromShipped') },
            { title: t('rv.amount'), dataIndex: 'amount', align: 'right', render: money },
            { title: t('rv.dueDate'), dataIndex: 'dueDate', width: 120 },
          ]}
        />
      )}
    </Modal>
  );
}
