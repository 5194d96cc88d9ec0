import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useState } from 'react';
import type { FxRate } from '../../../shared/entities';
import { fxRateSchema } from '../../../shared/schemas/bundle';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, type Editing } from '../../components/common';
import { RecordForm, type Field } from '../../components/RecordForm';
import { useT } from '../../i18n/strings';

/** 汇率表: the company's table rate per month and currency, CNY per ONE unit. */
export function FxTab() {
  const t = useT();
  const rates = useQuery('fxRates.list', {});
  const set = useMutation('fxRates.set');
  const remove = useMutation('fxRates.delete');
  const [editing, setEditing] = useState<Editing<FxRate>>({ open: false });
  const fields: Field[] = [
    { name: 'month', label: t('set.month'), help: 'YYYY-MM', fixedOnEdit: true },
    { name: 'currency', label: t('deal.currency'), fixedOnEdit: true },
    { name: 'rate', label: t('set.rateValue'), kind: 'money' },
  ];
  const sorted = [...(rates.data ?? [])].sort((a, b) => (a.month === b.month ? a.currency.localeCompare(b.currency) : b.month.localeCompare(a.month)));
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: { currency: 'USD' } })} style={{ marginBottom: 12 }}>
        {t('add')}
      </Button>
      <Table<FxRate>
        rowKey={(r) => `${r.month}-${r.currency}`}
        size="small"
        dataSource={sorted}
        pagination={{ pageSize: 24, hideOnSinglePage: true }}
        style={{ maxWidth: 640 }}
        columns={[
          { title: t('set.month'), dataIndex: 'month' },
          { title: t('deal.currency'), dataIndex: 'currency' },
          { title: t('set.rateValue'), dataIndex: 'rate', align: 'right' },
          { title: t('actions'), width: 90, render: (_, r) => <RowActions onEdit={() => setEditing({ open: true, record: r })} onDelete={() => remove({ month: r.month, currency: r.currency })} /> },
        ]}
      />
      <RecordForm<FxRate>
        title={t('set.fx')}
        open={editing.open}
        editing={editing.open && editing.record?.month !== undefined}
        initial={editing.open ? editing.record : null}
        fields={fields}
        schema={fxRateSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => set(values)}
      />
    </>
  );
}
