import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Col, InputNumber, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import type { Salesperson } from '../../shared/domain';
import type { StoredErrorRecord } from '../../shared/entities';
import { errorRecordSchema } from '../../shared/schemas/bundle';
import { errorText } from '../api/errorText';
import { useMutation, useQuery } from '../api/hooks';
import { PageCard, RowActions, useReport, type Editing } from '../components/common';
import { leftBeforeQuarter, PersonName, usePeopleById } from '../components/people';
import { SalespersonPicker } from '../components/pickers';
import { isFutureDate, unusualErrorWeight } from '../../shared/plausibility';
import { todayIso } from '../format';
import { RecordForm, type Field } from '../components/RecordForm';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

export function ErrorsPage() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const errors = useQuery('errors.list', { quarter });
  const people = usePeopleById();
  const create = useMutation('errors.create');
  const update = useMutation('errors.update');
  const remove = useMutation('errors.delete');
  const [editing, setEditing] = useState<Editing<StoredErrorRecord>>({ open: false });
  const record = editing.open ? editing.record : null;
  const isEdit = record?.id !== undefined;
  const fields: Field[] = [
    { name: 'salesperson', label: t('er.salesperson'), input: <SalespersonPicker allowClear={false} /> },
    { name: 'date', label: t('er.date'), kind: 'date', warn: (v) => (isFutureDate(v, todayIso()) ? t('warn.future', { date: String(v) }) : null) },
    { name: 'weight', label: t('er.weight'), kind: 'integer', help: t('er.weightHelp'), warn: (v) => (unusualErrorWeight(v) ? t('warn.errorWeight') : null) },
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
              { title: t('er.salesperson'), dataIndex: 'salesperson', width: 120, render: (id: string) => <PersonName id={id} people={people} /> },
              { title: t('er.weight'), dataIndex: 'weight', width: 70, align: 'right' },
              { title: t('er.note'), dataIndex: 'note' },
              {
                title: t('actions'),
                width: 90,
                render: (_, e) => <RowActions onEdit={() => setEditing({ open: true, record: e })} onDelete={() => remove({ id: e.id })} />,
              },
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
        dateField="date"
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
  const { message } = AntApp.useApp();
  const lang = useAppStore((s) => s.lang);
  const entered = new Map((counts.data ?? []).map((c) => [c.salesperson, c.count]));
  // Bumped after a refused save: the inputs are drawn again from what is stored.
  const [redraw, setRedraw] = useState(0);
  const save = async (p: Salesperson, typed: string) => {
    const text = typed.trim();
    const count = text === '' ? null : Number(text);
    if (count === (entered.get(p.id) ?? null)) return;
    const result = await set({ salesperson: p.id, quarter, count });
    if (result.ok) {
      report(result, t('saved'));
      return;
    }
    // A toast far from the input: say whose 制单套数 was refused, not only why.
    void message.error(`${p.name} ${t('doc.count')}：${errorText(result.error, lang)}`);
    setRedraw((n) => n + 1);
  };
  return (
    <PageCard title={t('doc.title')}>
      <Typography.Paragraph type="secondary">{t('doc.help')}</Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={(people.data ?? []).filter((p) => !leftBeforeQuarter(p, quarter) || entered.has(p.id))}
        columns={[
          { title: t('sp.name'), render: (_, p) => <PersonName id={p.id} people={new Map([[p.id, p]])} /> },
          {
            title: t('doc.count'),
            width: 150,
            render: (_, p) => (
              // No precision: a rounding input would show 12.5 as 13 while 12.5 is what was sent and refused.
              <InputNumber
                min={0}
                placeholder={t('doc.fromDeals')}
                defaultValue={entered.get(p.id)}
                key={`${p.id}-${entered.get(p.id) ?? ''}-${redraw}`}
                style={{ width: 130 }}
                data-testid={`doc-${p.id}`}
                // Enter is how people finish a number; it saves the same way as leaving the field.
                onPressEnter={(e) => void save(p, (e.target as HTMLInputElement).value)}
                onBlur={(e) => void save(p, e.target.value)}
              />
            ),
          },
        ]}
      />
    </PageCard>
  );
}
