import { Button, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { useMutation, useQuery } from '../../api/hooks';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';
import { DateInput } from '../../components/DateInput';

type Draft = { defaultTerms?: string; receivablesFrom: dayjs.Dayjs | null; smallBalance: string };

/** The default terms, the date receivables start from, and the small-balance limit. */
export function ReceivablesSettings() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const settings = useQuery('settings.get', {});
  const save = useMutation('settings.update');
  const report = useReport();
  const [form] = Form.useForm<Draft>();
  useEffect(() => {
    const s = settings.data;
    if (s)
      form.setFieldsValue({
        defaultTerms: s.defaultTerms ?? undefined,
        receivablesFrom: s.receivablesFrom ? dayjs(s.receivablesFrom) : null,
        smallBalance: s.smallBalance,
      });
  }, [settings.data, form]);
  const submit = async () => {
    const v = form.getFieldsValue();
    const result = await save({
      defaultTerms: v.defaultTerms ?? null,
      receivablesFrom: v.receivablesFrom ? v.receivablesFrom.format('YYYY-MM-DD') : null,
      smallBalance: v.smallBalance.trim(),
    });
    if (result.ok) report(result, t('saved'));
    else {
      const field = (['defaultTerms', 'receivablesFrom', 'smallBalance'] as const).find((f) => result.error.field?.startsWith(f)) ?? 'smallBalance';
      form.setFields([{ name: field, errors: [apiMessage(result.error.code, result.error.params ?? {}, lang)] }]);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }}>
      <Form.Item name="defaultTerms" label={t('terms.defaultTerms')} extra={t('terms.defaultHelp')}>
        <Select
          allowClear
          options={(settings.data?.paymentTerms ?? []).map((p) => ({ value: p.id, label: `${p.id} ${p.name}` }))}
          data-testid="default-terms"
        />
      </Form.Item>
      <Form.Item name="receivablesFrom" label={t('terms.receivablesFrom')} extra={t('terms.receivablesFromHelp')}>
        <DateInput label={t('terms.receivablesFrom')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="smallBalance" label={t('terms.smallBalance')} extra={t('terms.smallBalanceHelp')}>
        <Input inputMode="decimal" style={{ width: 200, textAlign: 'right' }} />
      </Form.Item>
      <Button type="primary" onClick={() => void submit()} data-testid="save-receivables-settings">
        {t('save')}
      </Button>
    </Form>
  );
}
