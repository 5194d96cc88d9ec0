import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Salesperson } from '../../shared/domain';
import { salespersonSchema } from '../../shared/schemas/bundle';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, RowActions, type Editing } from '../components/common';
import { RecordForm, type Field } from '../components/RecordForm';
import { money } from '../format';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

export function SalespeoplePage() {
  const t = useT();
  const people = useQuery('salespeople.list', {});
  const plans = useQuery('plans.list', {});
  const create = useMutation('salespeople.create');
  const update = useMutation('salespeople.update');
  const remove = useMutation('salespeople.delete');
  const showLeft = useAppStore((s) => s.showLeft);
  const setShowLeft = useAppStore((s) => s.setShowLeft);
  const [editing, setEditing] = useState<Editing<Salesperson>>({ open: false });
  const fields: Field[] = [
    { name: 'id', label: t('sp.id'), fixedOnEdit: true },
    { name: 'name', label: t('sp.name') },
    { name: 'department', label: t('sp.department') },
    { name: 'hiredOn', label: t('sp.hiredOn'), kind: 'date' },
    { name: 'monthlyBaseSalary', label: t('sp.monthlyBaseSalary'), kind: 'money' },
    { name: 'performanceBasePay', label: t('sp.performanceBasePay'), kind: 'money' },
    { name: 'commissionPlan', label: t('sp.commissionPlan'), kind: 'select', options: (plans.data ?? []).map((p) => ({ value: p.id, label: p.id })) },
    { name: 'leftOn', label: t('sp.leftOn'), kind: 'date', help: t('sp.leftHelp') },
  ];
  const isEdit = editing.open && editing.record !== null;
  const rows = (people.data ?? []).filter((p) => showLeft || !p.leftOn);
  return (
    <PageCard
      extra={
        <Space>
          <span>
            <Switch size="small" checked={showLeft} onChange={setShowLeft} data-testid="show-left" /> {t('sp.showLeft')}
          </span>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: null })} data-testid="add-salesperson">
            {t('add')}
          </Button>
        </Space>
      }
    >
      <Table<Salesperson>
        rowKey="id"
        size="middle"
        loading={people.loading}
        dataSource={rows}
        pagination={false}
        onRow={(p) => (p.leftOn ? { style: { color: '#999' } } : {})}
        columns={[
          { title: t('sp.id'), dataIndex: 'id', width: 100 },
          {
            title: t('sp.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <span>
                {name}
                {p.leftOn && (
                  <Tag style={{ marginLeft: 6 }} data-testid={`left-${p.id}`}>
                    {t('sp.left')} {p.leftOn}
                  </Tag>
                )}
              </span>
            ),
          },
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
