import { App as AntApp, Button, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/errors';
import { message as apiMessage } from '../../../shared/i18n/messages';
import { MIN_TEXT, textLength } from '../../../shared/workflow/steps';
import { useT } from '../../i18n/strings';
import { useAppStore } from '../../state/appStore';
import { useDrafts } from '../../state/drafts';
import { DateInput } from '../../components/DateInput';

export type StepField = { name: string; label: string; kind: 'text' | 'long' | 'date' | 'minutes' | 'check' | 'score' };

/** The values of a step form, as the API takes them. */
export type StepValues = Record<string, unknown>;

/**
 * A workflow step's form: fields checked as the user types (long texts show their count of
 * characters against the 100 required), and the API's refusal shown beside the field it names.
 * What is typed is kept as a draft under `draftKey` until a submit succeeds or the user clears
 * it, so closing the drawer after a refusal loses nothing. The caller gives each person, quarter
 * and step its own `key` too: one step's form (its 办理人) never carries into the next.
 */
export function StepForm({
  fields,
  initial,
  submitLabel,
  draftKey,
  onSubmit,
}: {
  fields: StepField[];
  initial: StepValues;
  submitLabel: string;
  draftKey: string;
  onSubmit(values: StepValues): Promise<Result<unknown>>;
}) {
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError | null>(null);
  const draft = useDrafts((s) => s.drafts[draftKey]);
  const setDraft = useDrafts((s) => s.setDraft);
  const clearDraft = useDrafts((s) => s.clearDraft);
  const initialValues = Object.fromEntries(Object.entries(initial).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dayjs(v) : v]));
  // Read once, when the form is drawn: later drafts are this form's own typing.
  const [startValues] = useState(() => ({ ...initialValues, ...(draft ?? {}) }));
  const submit = async () => {
    // A refused check is already shown beside its field; it must not become an uncaught rejection.
    const raw = (await form.validateFields().catch(() => null)) as StepValues | null;
    if (!raw) return;
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : v]));
    const result = await onSubmit(values);
    if (result.ok) {
      clearDraft(draftKey);
      void message.success(t('wf.submitted', { step: submitLabel }));
      return setError(null);
    }
    setError(result.error);
    const field = result.error.field?.split('.')[0];
    if (field && fields.some((f) => f.name === field))
      form.setFields([{ name: field, errors: [apiMessage(result.error.code, result.error.params ?? {}, lang)] }]);
  };
  // Dates typed but not readable, by field: named under the field instead of “missing”.
  const unreadable = useRef(new Map<string, string>());
  const dateRule = (f: StepField) => ({
    validator: (_: unknown, v: unknown) => {
      const typed = unreadable.current.get(f.name);
      if (typed !== undefined) return Promise.reject(new Error(t('date.unreadable', { field: f.label, text: typed })));
      return v ? Promise.resolve() : Promise.reject(new Error(t('wf.required', { field: f.label })));
    },
  });
  const longRule = {
    validator: (_: unknown, v: string | undefined) =>
      textLength(v ?? '') >= MIN_TEXT ? Promise.resolve() : Promise.reject(new Error(apiMessage('wf.textShort', {}, lang))),
  };
  return (
    <Form form={form} layout="vertical" initialValues={startValues} onValuesChange={(_, all: StepValues) => setDraft(draftKey, all)}>
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.kind === 'check' ? undefined : f.label}
          valuePropName={f.kind === 'check' ? 'checked' : 'value'}
          rules={
            f.kind === 'long'
              ? [longRule]
              : f.kind === 'check'
                ? []
                : f.kind === 'date'
                  ? [dateRule(f)]
                  : [{ required: true, message: t('wf.required', { field: f.label }) }]
          }
          extra={f.kind === 'long' ? <LengthHint name={f.name} /> : undefined}
        >
          {f.kind === 'long' ? (
            <Input.TextArea rows={5} data-testid={`step-${f.name}`} />
          ) : f.kind === 'date' ? (
            <DateInput
              label={f.label}
              style={{ width: '100%' }}
              onUnreadable={(text) => {
                if (text === null) unreadable.current.delete(f.name);
                else unreadable.current.set(f.name, text);
                void form.validateFields([f.name]).catch(() => undefined);
              }}
            />
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
      <Space>
        <Button type="primary" onClick={() => void submit()} data-testid="step-submit">
          {submitLabel}
        </Button>
        {draft && (
          <Button
            onClick={() => {
              clearDraft(draftKey);
              form.setFieldsValue(Object.fromEntries(fields.map((f) => [f.name, initialValues[f.name]])));
              setError(null);
            }}
            data-testid="step-clear"
          >
            {t('wf.clearDraft')}
          </Button>
        )}
      </Space>
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
