import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space, Tag } from 'antd';
import { useState } from 'react';
import type { Deal, DealView } from '../../shared/entities';
import { dealSchema } from '../../shared/schemas/bundle';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, RowActions, type Editing } from '../components/common';
import { LongTable } from '../components/LongTable';
import { PersonName, usePeopleById } from '../components/people';
import { CustomerPicker, SalespersonPicker } from '../components/pickers';
import { isFutureDate } from '../../shared/plausibility';
import { todayIso } from '../format';
import { TermsPicker } from '../components/TermsPicker';
import { RecordForm, type Field } from '../components/RecordForm';
import { usePagedRows } from '../components/usePagedRows';
import { money } from '../format';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';
import { DealCreditCheck } from './DealCreditCheck';

/**
 * The deal's customer; on a new deal, choosing one puts its owner in 业务员 (still editable), as
 * the owner is who sells to it almost always.
 */
function DealCustomerPicker({ fillOwner, ...props }: { fillOwner: boolean; value?: string | null; onChange?: (value: string | null) => void }) {
  const form = Form.useFormInstance();
  return (
    <CustomerPicker
      {...props}
      onPicked={(customer) => {
        if (fillOwner && customer?.owner) form.setFieldValue('salesperson', customer.owner);
      }}
    />
  );
}

export function DealsPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const openSettings = useAppStore((s) => s.openSettings);
  const people = usePeopleById();
  const [salesperson, setSalesperson] = useState<string | null>(null);
  const list = usePagedRows('deals.list', { quarter, ...(salesperson ? { salesperson } : {}) });
  const create = useMutation('deals.create');
  const update = useMutation('deals.update');
  const remove = useMutation('deals.delete');
  const [editing, setEditing] = useState<Editing<Deal>>({ open: false });
  // A new deal opens with defaults but no id; only a stored deal has one.
  const isEdit = editing.open && editing.record?.id !== undefined;
  const receivablesFrom = useQuery('settings.get', {}).data?.receivablesFrom ?? null;
  // 期初应收 only makes sense for a deal signed before receivables start (SPEC §12).
  const beforeReceivables = (values: Record<string, unknown>) =>
    receivablesFrom !== null && ((typeof values.signedOn === 'string' && values.signedOn < receivablesFrom) || Boolean(values.openingBalance));
  const fields: Field[] = [
    { name: 'id', label: t('deal.id'), fixedOnEdit: true },
    { name: 'contractNo', label: t('deal.contractNo') },
    { name: 'salesperson', label: t('deal.salesperson'), input: <SalespersonPicker allowClear={false} /> },
    { name: 'customer', label: t('deal.customer'), input: <DealCustomerPicker fillOwner={!isEdit} /> },
    { name: 'signedOn', label: t('deal.signedOn'), kind: 'date', warn: (v) => (isFutureDate(v, todayIso()) ? t('warn.future', { date: String(v) }) : null) },
    { name: 'currency', label: t('deal.currency'), kind: 'currency' },
    { name: 'amount', label: t('deal.amount'), kind: 'money' },
    {
      name: 'status',
      label: t('deal.status'),
      kind: 'select',
      options: [
        { value: 'active', label: t('deal.active') },
        { value: 'cancelled', label: t('deal.cancelled') },
      ],
    },
    { name: 'terms', label: t('deal.terms'), input: <TermsPicker />, help: t('deal.termsHelp') },
    { name: 'shippedOn', label: t('deal.shippedOn'), kind: 'date' },
    {
      name: 'openingBalance',
      label: t('deal.openingBalance'),
      kind: 'money',
      when: beforeReceivables,
      help: t('deal.openingHelp', { from: receivablesFrom ?? '' }),
    },
    { name: 'openingDue', label: t('deal.openingDue'), kind: 'date', when: beforeReceivables },
  ];
  return (
    <PageCard
      extra={
        <Space>
          <SalespersonPicker value={salesperson} onChange={setSalesperson} placeholder={t('deal.salesperson')} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({ open: true, record: { currency: 'USD', status: 'active' } })}
            data-testid="add-deal"
          >
            {t('add')}
          </Button>
        </Space>
      }
    >
      <LongTable<DealView>
        {...list}
        rowKey="id"
        width={1100}
        testId="deals-table"
        empty={<span data-testid="deals-empty">{t('deal.noneInQuarter', { quarter })}</span>}
        columns={[
          { title: t('deal.id'), dataIndex: 'id', width: 90 },
          { title: t('deal.contractNo'), dataIndex: 'contractNo', width: 110, ellipsis: true },
          { title: t('deal.signedOn'), dataIndex: 'signedOn', width: 96 },
          { title: t('deal.salesperson'), dataIndex: 'salesperson', width: 100, render: (id: string) => <PersonName id={id} people={people} /> },
          {
            title: t('deal.customer'),
            dataIndex: 'customer',
            width: 160,
            ellipsis: true,
            render: (id: string | null, d) => (id === null ? '—' : <span title={id}>{d.customerName ?? id}</span>),
          },
          { title: t('deal.currency'), dataIndex: 'currency', width: 56 },
          { title: t('deal.amount'), dataIndex: 'amount', width: 112, align: 'right', render: money },
          {
            title: t('deal.cny'),
            dataIndex: 'cny',
            width: 130,
            align: 'right',
            render: (v: string | null, d) =>
              v === null ? (
                <Tag
                  color="red"
                  style={{ cursor: 'pointer' }}
                  title={t('fx.goFill', { month: d.signedOn.slice(0, 7), currency: d.currency })}
                  onClick={() => openSettings('fx', { month: d.signedOn.slice(0, 7), currency: d.currency })}
                >
                  {t('deal.noRate')}
                </Tag>
              ) : (
                money(v)
              ),
          },
          { title: t('deal.shippedOn'), dataIndex: 'shippedOn', width: 96 },
          {
            title: t('deal.status'),
            dataIndex: 'status',
            width: 64,
            render: (s: string) => (s === 'active' ? t('deal.active') : <Tag>{t('deal.cancelled')}</Tag>),
          },
          {
            title: t('actions'),
            width: 80,
            fixed: 'right',
            render: (_, d) => <RowActions onEdit={() => setEditing({ open: true, record: d })} onDelete={() => remove({ id: d.id })} />,
          },
        ]}
      />
      <RecordForm<Deal>
        title={t('nav.deals')}
        open={editing.open}
        editing={isEdit}
        initial={editing.open ? editing.record : null}
        fields={fields}
        schema={dealSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => (isEdit ? update(values) : create(values))}
        dateField="signedOn"
        wide
      >
        <DealCreditCheck deal={isEdit ? editing.record?.id : undefined} />
      </RecordForm>
    </PageCard>
  );
}
