import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { CREDIT_GRADES } from '../../shared/domain';
import type { Customer } from '../../shared/entities';
import { customerSchema } from '../../shared/schemas/bundle';
import { useMutation } from '../api/hooks';
import { PageCard, RowActions, type Editing } from '../components/common';
import { LongTable } from '../components/LongTable';
import { PersonName, usePeopleById } from '../components/people';
import { SalespersonPicker } from '../components/pickers';
import { TermsPicker } from '../components/TermsPicker';
import { RecordForm, type Field } from '../components/RecordForm';
import { usePagedRows } from '../components/usePagedRows';
import { money } from '../format';
import { useT } from '../i18n/strings';

export function CustomersPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const list = usePagedRows('customers.list', { search });
  const people = usePeopleById();
  const create = useMutation('customers.create');
  const update = useMutation('customers.update');
  const remove = useMutation('customers.delete');
  const [editing, setEditing] = useState<Editing<Customer>>({ open: false });
  const isEdit = editing.open && editing.record?.id !== undefined;
  const fields: Field[] = [
    { name: 'id', label: t('cu.id'), fixedOnEdit: true },
    { name: 'name', label: t('cu.name') },
    { name: 'country', label: t('cu.country') },
    { name: 'owner', label: t('cu.owner'), input: <SalespersonPicker /> },
    { name: 'aliases', label: t('cu.aliases'), kind: 'tags', help: t('cu.aliasesHelp') },
    { name: 'terms', label: t('cu.terms'), input: <TermsPicker />, help: t('cu.termsHelp') },
    { name: 'creditGrade', label: t('cu.creditGrade'), kind: 'select', options: CREDIT_GRADES.map((g) => ({ value: g, label: t(`cu.grade.${g}`) })) },
    { name: 'creditLimit', label: t('cu.creditLimit'), kind: 'money', help: t('cu.creditLimitHelp') },
  ];
  return (
    <PageCard
      extra={
        <Space>
          <Input.Search allowClear placeholder={t('cu.searchPlaceholder')} onSearch={setSearch} style={{ width: 260 }} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: { creditGrade: 'B' } })} data-testid="add-customer">
            {t('add')}
          </Button>
        </Space>
      }
    >
      <LongTable<Customer>
        {...list}
        rowKey="id"
        width={1080}
        testId="customers-table"
        columns={[
          { title: t('cu.id'), dataIndex: 'id', width: 110 },
          { title: t('cu.name'), dataIndex: 'name', width: 240 },
          { title: t('cu.country'), dataIndex: 'country', width: 90 },
          { title: t('cu.owner'), dataIndex: 'owner', width: 110, render: (owner: string | null) => <PersonName id={owner} people={people} /> },
          { title: t('cu.creditGrade'), dataIndex: 'creditGrade', width: 80, align: 'center' },
          { title: t('cu.creditLimit'), dataIndex: 'creditLimit', width: 120, align: 'right', render: (v: string | null) => (v === null ? '' : money(v)) },
          { title: t('cu.aliases'), dataIndex: 'aliases', width: 240, render: (aliases: string[]) => aliases.map((a) => <Tag key={a}>{a}</Tag>) },
          {
            title: t('actions'),
            width: 90,
            fixed: 'right',
            render: (_, c) => <RowActions onEdit={() => setEditing({ open: true, record: c })} onDelete={() => remove({ id: c.id })} />,
          },
        ]}
      />
      <RecordForm<Customer>
        title={t('nav.customers')}
        open={editing.open}
        editing={isEdit}
        initial={editing.open ? editing.record : null}
        fields={fields}
        schema={customerSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => (isEdit ? update(values) : create(values))}
        wide
      />
    </PageCard>
  );
}
