import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/errors';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { MIN_TEXT, textLength } from '../../../shared/workflow/steps';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';

export type StepField = { name: string; label: string; kind: 'text' | 'long' | 'date' | 'minutes' | 'check' | 'score' };

/** The values of a step form, as the API takes them. */
export type StepValues = Record<string, unknown>;

/**
 * A workflow step's form: fields checked as the user types (long texts show their count of
 * characters against the 100 required), and the API's refusal shown beside the field it names.
 */
export function StepForm({
  fields,
  initial,
  submitLabel,
  onSubmit,
}: {
  fields: StepField[];
  initial: StepValues;
  submitLabel: string;
  onSubmit(values: StepValues): Promise<Result<unknown>>;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async () => {
    // A refused check is already shown beside its field; it must not become an uncaught rejection.
    const raw = (await form.validateFields().catch(() => null)) as StepValues | null;
    if (!raw) return;
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v]));
    const result = await onSubmit(values);
    if (result.ok) return setError(null);
    setError(result.error);
    const field = result.error.field?.split('.')[0];
    if (field && fields.some((f) => f.name === field))
      form.setFields([{ name: field, errors: [apiMessage(result.error.code, result.error.params ?? {}, lang)] }]);
  };
  const longRule = {
    validator: (_: unknown, v: string | undefined) =>
      textLength(v ?? '') >= MIN_TEXT ? Promise.resolve() : Promise.reject(new Error(apiMessage('wf.textShort', {}, lang))),
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : v]))}
    >
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.kind === 'check' ? undefined : f.label}
          valuePropName={f.kind === 'check' ? 'checked' : 'value'}
          rules={f.kind === 'long' ? [longRule] : f.kind === 'check' ? [] : [{ required: true, message: apiMessage('input.required', {}, lang) }]}
          extra={f.kind === 'long' ? <LengthHint name={f.name} /> : undefined}
        >
          {f.kind === 'long' ? (
            <Input.TextArea rows={5} data-testid={`step-${f.name}`} />
          ) : f.kind === 'date' ? (
            <DatePicker style={{ width: '100%' }} />
          ) : f.kind === 'minutes' ? (
            <InputNumber min={0} precision={0} addonAfter={t('wf.minutes')} style={{ width: 200 }} />
          ) : f.kind === 'score' ? (
            <InputNumber min={0} max={100} style={{ width: 200 }} />
          ) : f.kind === 'check' ? (
            <Checkbox>{f.label}</Checkbox>
          ) : (
            <Input data-testid={`step-${f.name}`} />
          )}
        </Form.Item>
      ))}
      {error && !error.field && <Typography.Text type="danger">{apiMessage(error.code, error.params ?? {}, lang)}</Typography.Text>}
      <Button type="primary" onClick={() => void submit()} data-testid="step-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}

/** "已写 87 / 100 字" under a long text, as the user types. */
function LengthHint({ name }: { name: string }) {
  const t = useT();
  return (
    <Form.Item noStyle shouldUpdate>
      {(form) => {
        const n = textLength((form.getFieldValue(name) as string | undefined) ?? '');
        return <Typography.Text type={n >= MIN_TEXT ? 'success' : 'secondary'}>{t('wf.length', { n, min: MIN_TEXT })}</Typography.Text>;
      }}
    </Form.Item>
  );
}
