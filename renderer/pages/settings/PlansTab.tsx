import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { CommissionPlan } from '../../../shared/domain';
import { errorText } from '../../api/errorText';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, useReport, type Editing } from '../../components/common';
import { money, percentToRate, rateToPercent } from '../../format';
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
    p.brackets.map((b, i) => (
      <Tag key={i}>
        {b.upTo === null ? `> ${money(p.brackets[i - 1]?.upTo ?? '0')}` : `≤ ${money(b.upTo)}`} @ {rateToPercent(b.rate)}%
      </Tag>
    ));
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
          {
            title: t('actions'),
            width: 90,
            render: (_, p) => <RowActions onEdit={() => setEditing({ open: true, record: p })} onDelete={() => remove({ id: p.id })} />,
          },
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
        ? { ...record, brackets: (record.brackets ?? []).map((b) => ({ upTo: b.upTo ? money(b.upTo) : undefined, rate: rateToPercent(b.rate) })) }
        : { mode: 'progressive', newCustomerBonus: '0.00', brackets: [{ upTo: undefined, rate: '1' }] },
    );
  }, [editing.open, record, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    // Rates are typed in percent (1.5 means 1.5%) and stored as the ratio (0.015).
    const brackets = (v.brackets ?? []).map((b) => ({ upTo: b.upTo?.trim() ? b.upTo.trim() : null, rate: percentToRate(b.rate ?? '') }));
    const result = await save({ ...v, brackets });
    if (result.ok) {
      report(result, t('saved'));
      onClose();
      return;
    }
    // "brackets[1].upTo" → the second bracket's 上限 input; other fields by their name.
    const where = /^brackets\[(\d+)\]\.(upTo|rate)/.exec(result.error.field ?? '');
    const name = where ? ['brackets', Number(where[1]), where[2] ?? 'rate'] : [result.error.field?.split(/[.[]/)[0] ?? 'id'];
    const known = where || ['id', 'mode', 'brackets', 'newCustomerBonus'].includes(String(name[0]));
    if (known) form.setFields([{ name: name as never, errors: [errorText(result.error, lang)] }]);
    else report(result);
  };
  return (
    <Modal
      title={t('set.plans')}
      open={editing.open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      width={560}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="id" label={t('set.planId')}>
          <Input disabled={record !== null} />
        </Form.Item>
        <Form.Item name="mode" label={t('set.mode')}>
          <Radio.Group
            options={[
              { value: 'progressive', label: t('set.progressive') },
              { value: 'whole', label: t('set.whole') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('set.brackets')} name="brackets" style={{ marginBottom: 0 }}>
          <Form.List name="brackets">
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} align="baseline">
                    <Form.Item name={[item.name, 'upTo']}>
                      <Input placeholder={t('set.upTo')} inputMode="decimal" style={{ width: 180 }} data-testid={`bracket-${item.name}-upTo`} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'rate']}>
                      <Input placeholder={t('set.rate')} suffix="%" inputMode="decimal" style={{ width: 120 }} data-testid={`bracket-${item.name}-rate`} />
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
