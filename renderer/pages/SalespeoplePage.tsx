import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import type { Salesperson } from '../../shared/domain';
import { salespersonSchema } from '../../shared/schemas/bundle';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, RowActions, type Editing } from '../components/common';
import { RecordForm, type Field } from '../components/RecordForm';
import { money } from '../format';
import { useT } from '../i18n/strings';

export function SalespeoplePage() {
  const t = useT();
  const people = useQuery('salespeople.list', {});
  const plans = useQuery('plans.list', {});
  const create = useMutation('salespeople.create');
  const update = useMutation('salespeople.update');
  const remove = useMutation('salespeople.delete');
  const [editing, setEditing] = useState<Editing<Salesperson>>({ open: false });
  const fields: Field[] = [
    { name: 'id', label: t('sp.id'), fixedOnEdit: true },
    { name: 'name', label: t('sp.name') },
    { name: 'department', label: t('sp.department') },
    { name: 'hiredOn', label: t('sp.hiredOn'), kind: 'date' },
    { name: 'monthlyBaseSalary', label: t('sp.monthlyBaseSalary'), kind: 'money' },
    { name: 'performanceBasePay', label: t('sp.performanceBasePay'), kind: 'money' },
    { name: 'commissionPlan', label: t('sp.commissionPlan'), kind: 'select', options: (plans.data ?? []).map((p) => ({ value: p.id, label: p.id })) },
  ];
  const isEdit = editing.open && editing.record !== null;
  return (
    <PageCard
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })} data-testid="add-salesperson">
          {t('add')}
        </Button>
      }
    >
      <Table<Salesperson>
        rowKey="id"
        size="middle"
        loading={people.loading}
        dataSource={people.data ?? []}
        pagination={false}
        columns={[
          { title: t('sp.id'), dataIndex: 'id', width: 100 },
          { title: t('sp.name'), dataIndex: 'name' },
          { title: t('sp.department'), dataIndex: 'department' },
          { title: t('sp.hiredOn'), dataIndex: 'hiredOn' },
          { title: t('sp.monthlyBaseSalary'), dataIndex: 'monthlyBaseSalary', align: 'right', render: money },
          { title: t('sp.performanceBasePay'), dataIndex: 'performanceBasePay', align: 'right', render: money },
          { title: t('sp.commissionPlan'), dataIndex: 'commissionPlan' },
          {
            title: t('actions'),
            width: 90,
            render: (_, p) => <RowActions onEdit={() => setEditing({ open: true, record: p })} onDelete={() => remove({ id: p.id })} />,
          },
        ]}
      />
      <RecordForm<Salesperson>
        title={t('sp.title')}
        open={editing.open}
        editing={isEdit}
        initial={editing.open ? editing.record : null}
        fields={fields}
        schema={salespersonSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => (isEdit ? update(values) : create(values))}
      />
    </PageCard>
  );
}
