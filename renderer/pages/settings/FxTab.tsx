import { CalendarOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, Modal, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { FxRate } from '../../../shared/entities';
import { looksPer100 } from '../../../shared/plausibility';
import { fxRateSchema } from '../../../shared/schemas/bundle';
import { errorText } from '../../api/errorText';
import { useMutation, useQuery } from '../../api/hooks';
import { RowActions, type Editing } from '../../components/common';
import { currencyInput, RecordForm, type Field } from '../../components/RecordForm';
import { useT } from '../../i18n/strings';
import { useAppStore, type FxRequest } from '../../state/appStore';

type MonthDraft = { month: string; rates: { currency: string; rate: string }[] };

/** 汇率表: the company's table rate per month and currency, CNY per ONE unit. */
export function FxTab() {
  const t = useT();
  const rates = useQuery('fxRates.list', {});
  const set = useMutation('fxRates.set');
  const remove = useMutation('fxRates.delete');
  const fxRequest = useAppStore((s) => s.fxRequest);
  const clearFxRequest = useAppStore((s) => s.clearFxRequest);
  const [editing, setEditing] = useState<Editing<FxRate>>({ open: false });
  const [month, setMonth] = useState<FxRequest | { month: string; currency: null } | null>(null);
  // A missing-rate link asks for one month and currency: open the month's form with it filled in.
  useEffect(() => {
    if (fxRequest) {
      setMonth(fxRequest);
      clearFxRequest();
    }
  }, [fxRequest, clearFxRequest]);
  const per100 = (value: unknown, values: Record<string, unknown>) => {
    const hit = typeof value === 'string' ? looksPer100(String(values.currency ?? ''), value) : null;
    return hit ? t('warn.per100', { rate: String(value), perUnit: hit.perUnit }) : null;
  };
  const fields: Field[] = [
    { name: 'month', label: t('set.month'), help: 'YYYY-MM', fixedOnEdit: true },
    { name: 'currency', label: t('deal.currency'), kind: 'currency', fixedOnEdit: true },
    { name: 'rate', label: t('set.rateValue'), kind: 'money', warn: per100 },
  ];
  const sorted = [...(rates.data ?? [])].sort((a, b) => (a.month === b.month ? a.currency.localeCompare(b.currency) : b.month.localeCompare(a.month)));
  const latestMonth = sorted[0]?.month ?? null;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<CalendarOutlined />} onClick={() => setMonth({ month: '', currency: null })} data-testid="fx-month">
          {t('fx.month')}
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => setEditing({ open: true, record: { currency: 'USD' } })}>
          {t('add')}
        </Button>
      </Space>
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
          {
            title: t('actions'),
            width: 90,
            render: (_, r) => (
              <RowActions onEdit={() => setEditing({ open: true, record: r })} onDelete={() => remove({ month: r.month, currency: r.currency })} />
            ),
          },
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
      <MonthForm
        request={month}
        known={(m) => (rates.data ?? []).filter((r) => r.month === m)}
        previous={latestMonth ? (rates.data ?? []).filter((r) => r.month === latestMonth) : []}
        onClose={() => setMonth(null)}
      />
    </>
  );
}

/**
 * A whole month's rates in one form: the month, then a row per currency. It starts from the
 * month's stored rates, or the currencies of the latest month with blanks to fill.
 */
function MonthForm({
  request,
  known,
  previous,
  onClose,
}: {
  request: { month: string; currency: string | null } | null;
  known(month: string): FxRate[];
  previous: FxRate[];
  onClose(): void;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { message } = AntApp.useApp();
  const save = useMutation('fxRates.setMonth');
  const [form] = Form.useForm<MonthDraft>();
  const open = request !== null;
  useEffect(() => {
    if (!request) return;
    form.resetFields();
    const stored = request.month ? known(request.month) : [];
    const rows = stored.length ? stored.map((r) => ({ currency: r.currency, rate: r.rate })) : previous.map((r) => ({ currency: r.currency, rate: '' }));
    if (request.currency && !rows.some((r) => r.currency === request.currency)) rows.unshift({ currency: request.currency, rate: '' });
    form.setFieldsValue({ month: request.month, rates: rows.length ? rows : [{ currency: 'USD', rate: '' }] });
    // Only when the dialog opens (`request` changes), not when the stored rates refresh.
  }, [request, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    const rows = (v.rates ?? []).filter((r) => (r.rate ?? '').trim() !== '' || (r.currency ?? '').trim() !== '');
    const result = await save({
      month: (v.month ?? '').trim(),
      rates: rows.map((r) => ({ currency: String(currencyInput((r.currency ?? '').trim())), rate: (r.rate ?? '').trim() })),
    });
    if (result.ok) {
      void message.success(t('fx.savedN', { n: result.value.length, month: v.month }));
      onClose();
      return;
    }
    const where = /^rates\[(\d+)\]\.(currency|rate)/.exec(result.error.field ?? '');
    if (where) form.setFields([{ name: ['rates', Number(where[1]), where[2] ?? 'rate'] as never, errors: [errorText(result.error, lang)] }]);
    else if (result.error.field === 'month') form.setFields([{ name: 'month', errors: [errorText(result.error, lang)] }]);
    else void message.error(errorText(result.error, lang));
  };
  return (
    <Modal
      title={t('fx.monthTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      width={520}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="month" label={t('set.month')} extra="YYYY-MM">
          <Input style={{ width: 160 }} data-testid="fx-month-input" />
        </Form.Item>
        <Form.List name="rates">
          {(items, { add, remove }) => (
            <>
              {items.map((item) => (
                <Space key={item.key} align="baseline">
                  <Form.Item name={[item.name, 'currency']} normalize={currencyInput}>
                    <Input placeholder={t('deal.currency')} style={{ width: 120 }} data-testid={`fx-row-${item.name}-currency`} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'rate']}
                    dependencies={[['rates', item.name, 'currency']]}
                    rules={[
                      {
                        warningOnly: true,
                        validator: async (_, value: string | undefined) => {
                          const hit = looksPer100(String(form.getFieldValue(['rates', item.name, 'currency']) ?? ''), value ?? '');
                          if (hit) throw new Error(t('warn.per100', { rate: value ?? '', perUnit: hit.perUnit }));
                        },
                      },
                    ]}
                  >
                    <Input placeholder={t('set.rateValue')} inputMode="decimal" style={{ width: 220 }} data-testid={`fx-row-${item.name}-rate`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ currency: '', rate: '' })} icon={<PlusOutlined />}>
                {t('fx.addCurrency')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
