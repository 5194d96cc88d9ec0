import { Button, Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { errorText } from '../../api/errorText';
import { useReport } from '../../components/common';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

/** Company name, the counting rules, and the interface language. */
export function GeneralTab() {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const setLang = useAppStore((s) => s.setLang);
  const company = useQuery('company.get', {});
  const settings = useQuery('settings.get', {});
  const saveCompany = useMutation('company.update');
  const saveSettings = useMutation('settings.update');
  const report = useReport();
  const [form] = Form.useForm();
  useEffect(() => {
    form.setFieldsValue({ name: company.data?.name ?? '', newCustomerRule: settings.data?.newCustomerRule, commissionBase: settings.data?.commissionBase });
  }, [company.data, settings.data, form]);
  const save = async () => {
    const v = form.getFieldsValue() as { name: string; newCustomerRule: 'first_receipt' | 'first_deal'; commissionBase: 'settled' | 'deal_volume' };
    const saved = await saveCompany({ name: v.name, baseCurrency: 'CNY' });
    // A refused name is said under the field, with the field's name, not in a toast that names nothing.
    if (!saved.ok && saved.error.field === 'name') {
      form.setFields([{ name: 'name', errors: [`${t('set.companyName')}：${errorText(saved.error, lang)}`] }]);
      return;
    }
    form.setFields([{ name: 'name', errors: [] }]);
    if (!report(saved)) return;
    report(await saveSettings({ newCustomerRule: v.newCustomerRule, commissionBase: v.commissionBase }), t('saved'));
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 520 }}>
      <Form.Item name="name" label={t('set.companyName')}>
        <Input data-testid="company-name" />
      </Form.Item>
      <Form.Item name="newCustomerRule" label={t('set.newCustomerRule')}>
        <Radio.Group
          options={[
            { value: 'first_receipt', label: t('set.firstReceipt') },
            { value: 'first_deal', label: t('set.firstDeal') },
          ]}
        />
      </Form.Item>
      <Form.Item name="commissionBase" label={t('set.commissionBase')}>
        <Radio.Group
          options={[
            { value: 'settled', label: t('set.baseSettled') },
            { value: 'deal_volume', label: t('set.baseDeals') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" onClick={() => void save()} data-testid="save-general">
          {t('save')}
        </Button>
      </Form.Item>
      <Form.Item label={t('set.language')}>
        <Select
          value={lang}
          onChange={setLang}
          style={{ width: 200 }}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'en', label: 'English' },
          ]}
        />
      </Form.Item>
    </Form>
  );
}
