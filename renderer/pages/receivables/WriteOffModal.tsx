import { Descriptions, Form, Input, Modal, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { StoredWriteOff, WriteOffKind } from '../../../shared/entities';
import type { InstalmentRow } from '../../../shared/receivables/report';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, useReport } from '../../components/common';
import { money } from '../../format';
import { useT, type UiKey } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';
import { DateInput } from '../../components/DateInput';

export const WRITE_OFF_KINDS: { value: WriteOffKind; label: UiKey }[] = [
  { value: 'bank_charges', label: 'rv.kind.bank_charges' },
  { value: 'claim', label: 'rv.kind.claim' },
  { value: 'bad_debt', label: 'rv.kind.bad_debt' },
];

type Draft = { date: dayjs.Dayjs; amount: string; kind: WriteOffKind; reason?: string };
type Target = Pick<InstalmentRow, 'deal' | 'number' | 'currency' | 'amount' | 'outstanding' | 'writtenOff'>;

/**
 * 核销差额 of one instalment: the write-offs it has (each may be deleted) and a form to add one —
 * a bank charge, a claim or a bad debt, at most what the instalment still carries.
 */
export function WriteOffModal({
  instalment,
  asOf,
  defaults,
  onClose,
}: {
  instalment: Target | null;
  asOf: string;
  defaults?: Partial<{ date: string; amount: string; kind: WriteOffKind; reason: string }>;
  onClose(): void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [form] = Form.useForm<Draft>();
  const list = useQuery('writeOffs.list', instalment ? { deal: instalment.deal } : null);
  const create = useMutation('writeOffs.create');
  const remove = useMutation('writeOffs.delete');
  const report = useReport();
  // Defaults come as a fresh object each render: compare them by content, not identity.
  const defaultsKey = JSON.stringify(defaults ?? {});
  useEffect(() => {
    if (!instalment) return;
    const defaults = JSON.parse(defaultsKey) as Partial<{ date: string; amount: string; kind: WriteOffKind; reason: string }>;
    form.resetFields();
    form.setFieldsValue({
      date: dayjs(defaults.date ?? asOf),
      // Never prefilled with the whole balance: a write-off is typed on purpose.
      amount: defaults.amount ?? '',
      kind: defaults.kind ?? 'bank_charges',
      reason: defaults.reason ?? '',
    });
  }, [instalment, asOf, defaultsKey, form]);
  if (!instalment) return null;
  const mine = (list.data ?? []).filter((w) => w.number === instalment.number);
  const submit = async () => {
    const v = form.getFieldsValue();
    const result = await create({
      deal: instalment.deal,
      number: instalment.number,
      date: v.date.format('YYYY-MM-DD'),
      amount: v.amount.trim(),
      kind: v.kind,
      reason: v.reason?.trim() || t(WRITE_OFF_KINDS.find((k) => k.value === v.kind)?.label ?? 'rv.kind.bank_charges'),
    });
    if (result.ok) {
      report(result, t('saved'));
      onClose();
      return;
    }
    const field = result.error.field?.split(/[.[]/)[0];
    // A refusal for an approved quarter is about the date: that is what puts it in the quarter.
    const name = result.error.code === 'wf.locked' ? 'date' : ((['date', 'amount', 'kind', 'reason'] as const).find((f) => f === field) ?? 'amount');
    // This refusal replaces the last one: a field corrected since must not keep its old error.
    const fields = ['date', 'amount', 'kind', 'reason'] as const;
    form.setFields(fields.map((f) => ({ name: f, errors: f === name ? [apiMessage(result.error.code, result.error.params ?? {}, lang)] : [] })));
  };
  return (
    <Modal
      open
      title={t('rv.writeOffTitle', { deal: instalment.deal, number: instalment.number })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('rv.addWriteOff')}
      cancelText={t('cancel')}
      width={640}
      destroyOnHidden
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('rv.amount')}>{`${instalment.currency} ${money(instalment.amount)}`}</Descriptions.Item>
        <Descriptions.Item label={t('rv.writtenOffShort')}>{money(instalment.writtenOff)}</Descriptions.Item>
        <Descriptions.Item label={t('rv.owing')}>{money(instalment.outstanding)}</Descriptions.Item>
      </Descriptions>
      {mine.length > 0 && (
        <Table<StoredWriteOff>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={mine}
          style={{ marginBottom: 16 }}
          data-testid="rv-writeoff-list"
          columns={[
            { title: t('rv.date'), dataIndex: 'date', width: 100 },
            { title: t('rv.kind'), dataIndex: 'kind', width: 120, render: (k: WriteOffKind) => t(`rv.kind.${k}`) },
            { title: t('rv.amount'), dataIndex: 'amount', width: 110, align: 'right', render: money },
            { title: t('rv.reason'), dataIndex: 'reason', ellipsis: true },
            { title: '', width: 50, render: (_, w) => <RowActions onDelete={() => remove({ id: w.id })} /> },
          ]}
        />
      )}
      <Typography.Text strong>{t('rv.addWriteOff')}</Typography.Text>
      <Form form={form} layout="inline" style={{ marginTop: 8, rowGap: 8 }}>
        {/* Bounded too: a refusal for an approved quarter is long and must wrap inside the dialog. */}
        <Form.Item name="date" label={t('rv.date')} style={{ maxWidth: '100%' }}>
          <DateInput label={t('rv.date')} allowClear={false} style={{ width: 130 }} />
        </Form.Item>
        {/* Bounded so a refusal (which names the deal and the limit) wraps inside the dialog. */}
        <Form.Item name="amount" label={`${t('rv.amount')}（${instalment.currency}）`} style={{ maxWidth: '100%' }}>
          <Input inputMode="decimal" placeholder={money(instalment.outstanding)} style={{ width: 130, textAlign: 'right' }} data-testid="rv-writeoff-amount" />
        </Form.Item>
        <Form.Item name="kind" label={t('rv.kind')}>
          <Select style={{ width: 170 }} options={WRITE_OFF_KINDS.map((k) => ({ value: k.value, label: t(k.label) }))} data-testid="rv-writeoff-kind" />
        </Form.Item>
        <Form.Item name="reason" label={t('rv.reason')} style={{ width: '100%' }}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
