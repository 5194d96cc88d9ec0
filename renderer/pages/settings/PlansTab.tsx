import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CommissionPlan } from '../../../shared/domain';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, useReport, type Editing } from '../../components/common';
import { money } from '../../format';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

type BracketDraft = { upTo?: string; rate: string };
type PlanDraft = { id: string; mode: 'progressive' | 'whole'; newCustomerBonus: string; brackets: BracketDraft[] };

/** Commission plans: brackets, mode and the new-customer bonus. */
export function PlansTab() {
  const t = useT();
  const plans = useQuery('plans.list', {});
  const remove = useMutation('plans.delete');
  const [editing, setEditing] = useState<Editing<CommissionPlan>>({ open: false });
  const describe = (p: CommissionPlan) =>
    p.brackets.map((b, i) => <Tag key={i}>{b.upTo === null ? `> ${money(p.brackets[i - 1]?.upTo ?? '0')}` : `≤ ${money(b.upTo)}`} @ {b.rate}</Tag>);
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })} style={{ marginBottom: 12 }}>
        {t('add')}
      </Button>
      <Table<CommissionPlan>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={plans.data ?? []}
        columns={[
          { title: t('set.planId'), dataIndex: 'id' },
          { title: t('set.mode'), dataIndex: 'mode', render: (m: string) => (m === 'whole' ? t('set.whole') : t('set.progressive')) },
          { title: t('set.brackets'), render: (_, p) => describe(p) },
          { title: t('set.bonus'), dataIndex: 'newCustomerBonus', align: 'right', render: money },
          { title: t('actions'), width: 90, render: (_, p) => <RowActions onEdit={() => setEditing({ open: true, record: p })} onDelete={() => remove({ id: p.id })} /> },
        ]}
      />
      <PlanEditor editing={editing} onClose={() => setEditing({ open: false })} />
    </>
  );
}

function PlanEditor({ editing, onClose }: { editing: Editing<CommissionPlan>; onClose(): void }) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const save = useMutation('plans.save');
  const report = useReport();
  const [form] = Form.useForm<PlanDraft>();
  const record = editing.open ? editing.record : null;
  useEffect(() => {
    if (!editing.open) return;
    form.resetFields();
    form.setFieldsValue(
      record
        ? { ...record, brackets: (record.brackets ?? []).map((b) => ({ upTo: b.upTo ?? undefined, rate: b.rate })) }
        : { mode: 'progressive', newCustomerBonus: '0.00', brackets: [{ upTo: undefined, rate: '0.01' }] },
    );
  }, [editing.open, record, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    const result = await save({ ...v, brackets: (v.brackets ?? []).map((b) => ({ upTo: b.upTo?.trim() ? b.upTo.trim() : null, rate: b.rate })) });
    if (result.ok) {
      report(result, t('saved'));
      onClose();
    } else form.setFields([{ name: (result.error.field?.split(/[.[]/)[0] ?? 'id') as keyof PlanDraft, errors: [apiMessage(result.error.code, result.error.params ?? {}, lang)] }]);
  };
  return (
    <Modal title={t('set.plans')} open={editing.open} onCancel={onClose} onOk={() => void submit()} okText={t('save')} cancelText={t('cancel')} width={560}>
      <Form form={form} layout="vertical">
        <Form.Item name="id" label={t('set.planId')}>
          <Input disabled={record !== null} />
        </Form.Item>
        <Form.Item name="mode" label={t('set.mode')}>
          <Radio.Group options={[{ value: 'progressive', label: t('set.progressive') }, { value: 'whole', label: t('set.whole') }]} />
        </Form.Item>
        <Form.Item label={t('set.brackets')} name="brackets" style={{ marginBottom: 0 }}>
          <Form.List name="brackets">
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} align="baseline">
                    <Form.Item name={[item.name, 'upTo']}>
                      <Input placeholder={t('set.upTo')} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'rate']}>
                      <Input placeholder={t('set.rate')} style={{ width: 120 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(item.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ rate: '' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
                  {t('set.addBracket')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="newCustomerBonus" label={t('set.bonus')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
