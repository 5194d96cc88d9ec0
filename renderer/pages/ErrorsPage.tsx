import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, InputNumber, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import type { StoredErrorRecord } from '../../shared/entities';
import { errorRecordSchema } from '../../shared/schemas/bundle';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, RowActions, useReport, type Editing } from '../components/common';
import { SalespersonPicker } from '../components/pickers';
import { RecordForm, type Field } from '../components/RecordForm';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

export function ErrorsPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const errors = useQuery('errors.list', { quarter });
  const create = useMutation('errors.create');
  const update = useMutation('errors.update');
  const remove = useMutation('errors.delete');
  const [editing, setEditing] = useState<Editing<StoredErrorRecord>>({ open: false });
  const record = editing.open ? editing.record : null;
  const isEdit = record?.id !== undefined;
  const fields: Field[] = [
    { name: 'salesperson', label: t('er.salesperson'), input: <SalespersonPicker allowClear={false} /> },
    { name: 'date', label: t('er.date'), kind: 'date' },
    { name: 'weight', label: t('er.weight'), kind: 'integer', help: t('er.weightHelp') },
    { name: 'note', label: t('er.note') },
  ];
  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <PageCard
          title={t('er.title')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: { weight: 1 } })} data-testid="add-error">
              {t('add')}
            </Button>
          }
        >
          <Table<StoredErrorRecord>
            rowKey="id"
            size="small"
            loading={errors.loading}
            dataSource={errors.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('er.date'), dataIndex: 'date', width: 110 },
              { title: t('er.salesperson'), dataIndex: 'salesperson', width: 100 },
              { title: t('er.weight'), dataIndex: 'weight', width: 70, align: 'right' },
              { title: t('er.note'), dataIndex: 'note' },
              { title: t('actions'), width: 90, render: (_, e) => <RowActions onEdit={() => setEditing({ open: true, record: e })} onDelete={() => remove({ id: e.id })} /> },
            ]}
          />
        </PageCard>
      </Col>
      <Col xs={24} xl={9}>
        <DocumentCounts quarter={quarter} />
      </Col>
      <RecordForm<StoredErrorRecord>
        title={t('er.title')}
        open={editing.open}
        editing={isEdit}
        initial={record}
        fields={fields}
        schema={errorRecordSchema}
        onClose={() => setEditing({ open: false })}
        onSubmit={(values) => (isEdit && record?.id !== undefined ? update({ ...values, id: record.id }) : create(values))}
      />
    </Row>
  );
}

/** 制单套数 per salesperson: entered, or left empty to count the quarter's active deals. */
function DocumentCounts({ quarter }: { quarter: string }) {
  const t = useT();
  const people = useQuery('salespeople.list', {});
  const counts = useQuery('documents.list', { quarter });
  const set = useMutation('documents.set');
  const report = useReport();
  const entered = new Map((counts.data ?? []).map((c) => [c.salesperson, c.count]));
  return (
    <PageCard title={t('doc.title')}>
      <Typography.Paragraph type="secondary">{t('doc.help')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={people.data ?? []}
        columns={[
          { title: t('sp.name'), render: (_, p) => `${p.id} ${p.name}` },
          {
            title: t('doc.count'),
            width: 150,
            render: (_, p) => (
              <InputNumber
                min={0}
                precision={0}
                placeholder={t('doc.fromDeals')}
                defaultValue={entered.get(p.id)}
                key={`${p.id}-${entered.get(p.id) ?? ''}`}
                style={{ width: 130 }}
                onBlur={async (e) => {
                  const text = e.target.value.trim();
                  const count = text === '' ? null : Number(text);
                  if (count !== (entered.get(p.id) ?? null)) report(await set({ salesperson: p.id, quarter, count }), t('saved'));
                }}
              />
            ),
          },
        ]}
      />
    </PageCard>
  );
}
