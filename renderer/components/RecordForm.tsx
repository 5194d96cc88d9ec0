import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Result } from '../../shared/api/errors';
import { readCurrency } from '../../shared/bank/cellValues';
import { message as apiMessage } from '../../shared/i18n/messages';
import { quarterOfDate } from '../../shared/quarter';
import { issueToError } from '../../shared/schemas/issues';
import { errorText } from '../api/errorText';
import { useT } from '../i18n/strings';
import { DateInput } from './DateInput';
import { useAppStore } from '../state/appStore';

export type FieldKind = 'text' | 'money' | 'date' | 'integer' | 'select' | 'tags' | 'switch' | 'currency';
export type Field = {
  name: string;
  label: string;
  kind?: FieldKind;
  options?: { value: string; label: string }[];
  help?: string;
  /** Shown but not editable once the record exists (ids). */
  fixedOnEdit?: boolean;
  /** A custom input (e.g. a searching select) instead of one chosen by kind. */
  input?: ReactNode;
  /** A plausibility check: a warning shown under the field that never blocks the save. */
  warn?: (value: unknown, values: Record<string, unknown>) => string | null;
  /** Shown only while the form's values pass this test (e.g. 期初应收 for old deals only). */
  when?: (values: Record<string, unknown>) => boolean;
};

type Props<T> = {
  title: string;
  open: boolean;
  editing: boolean;
  initial: Partial<T> | null;
  fields: Field[];
  schema: z.ZodObject;
  onClose(): void;
  onSubmit(values: T): Promise<Result<unknown>>;
  /** The date field that puts the record in a quarter: saving into another quarter says so. */
  dateField?: string;
  /** Drawn below the fields, inside the form (it may watch the fields' values). */
  children?: ReactNode;
  /** Two columns of fields in a wider dialog, for records with many fields. */
  wide?: boolean;
};

/** Empty inputs mean "not given": the schemas then apply their defaults or nulls. */
function cleaned(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

/** 美元, usd, 840 → USD, as the bank import reads currencies; anything else as typed. */
export function currencyInput(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const read = readCurrency(value);
  return read.kind === 'value' ? read.value : value;
}

function inputFor(field: Field, disabled: boolean, onUnreadable: (text: string | null) => void): ReactNode {
  if (field.input) return field.input;
  switch (field.kind) {
    case 'date':
      return <DateInput label={field.label} disabled={disabled} style={{ width: '100%' }} onUnreadable={onUnreadable} />;
    case 'integer':
      // No precision: 12.5 must reach the check as 12.5 and be refused, never shown as 13.
      return <InputNumber disabled={disabled} style={{ width: '100%' }} />;
    case 'select':
      return <Select disabled={disabled} options={field.options} allowClear showSearch optionFilterProp="label" />;
    case 'tags':
      return <Select disabled={disabled} mode="tags" open={false} tokenSeparators={['\n']} />;
    case 'switch':
      return <Switch disabled={disabled} />;
    case 'money':
      return <Input disabled={disabled} inputMode="decimal" style={{ textAlign: 'right' }} />;
    case 'currency':
      return <Input disabled={disabled} placeholder="USD / 美元" style={{ width: 160 }} />;
    default:
      return <Input disabled={disabled} />;
  }
}

/**
 * A record's form in a dialog. Each field is checked as the user types with the same schema
 * the API uses, and an error the API returns is shown beside the field it names. A dialog
 * taller than the window scrolls its body; 保存 stays in view.
 */
export function RecordForm<T>({ title, open, editing, initial, fields, schema, onClose, onSubmit, dateField, children, wide = false }: Props<T>) {
  const [form] = Form.useForm();
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const quarter = useAppStore((s) => s.quarter);
  const setQuarter = useAppStore((s) => s.setQuarter);
  const { message } = AntApp.useApp();
  // Date fields whose typed text is not a date: the field says so and the form is not saved.
  const unreadable = useRef(new Map<string, string>());
  useEffect(() => {
    if (open) {
      unreadable.current.clear();
      form.resetFields();
      form.setFieldsValue(initial ?? {});
    }
  }, [open, initial, form]);

  const check = (name: string) => async (_: unknown, value: unknown) => {
    const typed = unreadable.current.get(name);
    if (typed !== undefined) throw new Error(t('date.unreadable', { field: fields.find((f) => f.name === name)?.label ?? name, text: typed }));
    const shape = schema.shape[name] as z.ZodType | undefined;
    if (!shape) return;
    const given = value === '' || value === null ? undefined : value;
    const parsed = shape.safeParse(given);
    if (!parsed.success) {
      const error = issueToError(parsed.error, given);
      throw new Error(apiMessage(error.code, error.params ?? {}, lang));
    }
  };
  const warning = (field: Field) => async (_: unknown, value: unknown) => {
    const text = field.warn?.(value, form.getFieldsValue() as Record<string, unknown>);
    if (text) throw new Error(text);
  };

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = cleaned(await form.validateFields());
    } catch {
      // The fields show what is wrong; nothing is sent, and nothing is left unhandled.
      return;
    }
    const result = await onSubmit(values as T);
    if (result.ok) {
      const date = dateField ? values[dateField] : undefined;
      const savedTo = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? quarterOfDate(date) : null;
      if (savedTo && savedTo !== quarter) {
        void message.success({
          content: (
            <span data-testid="saved-to">
              {t('savedTo', { quarter: savedTo })}
              <Button type="link" size="small" onClick={() => setQuarter(savedTo)}>
                {t('showQuarter', { quarter: savedTo })}
              </Button>
            </span>
          ),
          duration: 6,
        });
      } else void message.success(t('saved'));
      onClose();
      return;
    }
    const text = errorText(result.error, lang);
    const field = result.error.field?.split(/[.[]/)[0];
    if (field && fields.some((f) => f.name === field)) form.setFields([{ name: field, errors: [text] }]);
    else void message.error(text);
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('save')}
      cancelText={t('cancel')}
      destroyOnHidden
      width={wide ? 820 : 560}
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form form={form} layout="vertical" requiredMark={false} style={wide ? { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 } : undefined}>
        {fields.map((field) => {
          const item = (
            <Form.Item
              key={field.name}
              name={field.name}
              label={field.label}
              extra={field.help}
              rules={[{ validator: check(field.name) }, ...(field.warn ? [{ validator: warning(field), warningOnly: true }] : [])]}
              valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
              {...(field.kind === 'date'
                ? {
                    getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
                    normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
                  }
                : field.kind === 'currency'
                  ? { normalize: currencyInput }
                  : {})}
            >
              {inputFor(field, editing && field.fixedOnEdit === true, (text) => {
                if (text === null) unreadable.current.delete(field.name);
                else unreadable.current.set(field.name, text);
                form.validateFields([field.name]).catch(() => undefined);
              })}
            </Form.Item>
          );
          return field.when ? (
            <Form.Item key={field.name} noStyle shouldUpdate>
              {({ getFieldsValue }) => (field.when?.(getFieldsValue() as Record<string, unknown>) ? item : null)}
            </Form.Item>
          ) : (
            item
          );
        })}
        {children && <div style={{ gridColumn: '1 / -1' }}>{children}</div>}
      </Form>
    </Modal>
  );
}
