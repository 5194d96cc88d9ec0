import { Alert, Form } from 'antd';
import { useEffect, useState } from 'react';
import { normalizeNumberText } from '../../shared/numberText';
import { isIsoDate } from '../../shared/quarter';
import { useQuery } from '../api/hooks';
import { money } from '../format';
import { useT } from '../i18n/strings';

const MONEY = /^\d+(\.\d{1,2})?$/;

/** The latest value after the user stops typing for a moment, so each keystroke is not a request. */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * In the deal form: the customer's credit exposure now and with this deal, and a warning — never
 * a block — when the deal takes it over the customer's limit (SPEC §12).
 */
export function DealCreditCheck({ deal }: { deal?: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const customer = Form.useWatch('customer', form) as string | null | undefined;
  const currency = Form.useWatch('currency', form) as string | undefined;
  // Read the amount as the save does (1,234.56 and full-width digits), so the warning shows for it too.
  const typed = Form.useWatch('amount', form) as string | undefined;
  const amount = typed === undefined ? undefined : normalizeNumberText(typed);
  const signedOn = Form.useWatch('signedOn', form) as string | null | undefined;
  const args = useSettled(
    customer && currency && /^[A-Z]{3}$/.test(currency) && amount && MONEY.test(amount.trim()) && Number(amount) > 0 && signedOn && isIsoDate(signedOn)
      ? { customer, currency, amount: amount.trim(), signedOn, ...(deal ? { deal } : {}) }
      : null,
  );
  const check = useQuery('receivables.dealCheck', args);
  if (!args || !check.data) return null;
  const c = check.data;
  const text = t(c.creditLimit === null ? 'deal.exposureNoLimit' : 'deal.exposure', {
    exposure: money(c.exposure),
    after: money(c.after),
    limit: money(c.creditLimit),
    grade: c.creditGrade,
  });
  return (
    <Alert
      type={c.overLimit ? 'warning' : 'info'}
      showIcon
      data-testid="deal-credit"
      message={t('deal.creditLine', { head: c.overLimit ? t('deal.overLimit') : t('deal.credit'), text })}
      style={{ marginBottom: 8 }}
    />
  );
}
