import { App as AntApp, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Result } from '../../shared/api/errors';
import { message as apiMessage } from '../../shared/i18n/messages';
import { issueToError } from '../../shared/schemas/issues';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

export type FieldKind = 'text' | 'money' | 'date' | 'integer' | 'select' | 'tags' | 'switch';
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
  /** Drawn below the fields, inside the form (it may watch the fields' values). */
  children?: ReactNode;
  /** Two columns of fields in a wider dialog, for records with many fields. */
  wide?: boolean;
};

/** Empty inputs mean "not given": the schemas then apply their defaults or nulls. */
function cleaned(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}

function inputFor(field: Field, disabled: boolean): ReactNode {
  if (field.input) return field.input;
  switch (field.kind) {
    case 'date':
      return <DatePicker disabled={disabled} style={{ width: '100%' }} />;
    case 'integer':
      return <InputNumber disabled={disabled} precision={0} style={{ width: '100%' }} />;
    case 'select':
      return <Select disabled={disabled} options={field.options} allowClear showSearch optionFilterProp="label" />;
    case 'tags':
      return <Select disabled={disabled} mode="tags" open={false} tokenSeparators={['\n']} />;
    case 'switch':
      return <Switch disabled={disabled} />;
    case 'money':
      return <Input disabled={disabled} inputMode="decimal" style={{ textAlign: 'right' }} />;
    default:
      return <Input disabled={disabled} />;
  }
}

/**
 * A record's form in a dialog. Each field is checked as the user types with the same schema
 * the API uses, and an error the API returns is shown beside the field it names.
 */
export function RecordForm<T>({ title, open, editing, initial, fields, schema, onClose, onSubmit, children, wide = false }: Props<T>) {
  const [form] = Form.useForm();
  const t = useT();
  const lang = useAppStore((s) => s.lang);
  const { message } = AntApp.useApp();
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial ?? {});
    }
  }, [open, initial, form]);

  const check = (name: string) => async (_: unknown, value: unknown) => {
    const shape = schema.shape[name] as z.ZodType | undefined;
    if (!shape) return;
    const given = value === '' || value === null ? undefined : value;
    const parsed = shape.safeParse(given);
    if (!parsed.success) {
      const error = issueToError(parsed.error, given);
      throw new Error(apiMessage(error.code, error.params ?? {}, lang));
    }
  };

  const submit = async () => {
    const values = cleaned(await form.validateFields());
    const result = await onSubmit(values as T);
    if (result.ok) {
      void message.success(t('saved'));
      onClose();
      return;
    }
    const text = apiMessage(result.error.code, result.error.params ?? {}, lang);
    const field = result.error.field?.split(/[.[]/)[0];
    if (field && fields.some((f) => f.name === field)) form.setFields([{ name: field, errors: [text] }]);
    else void message.error(text);
  };

  return (
    <Modal title={title} open={open} onCancel={onClose} onOk={() => void submit()} okText={t('save')} cancelText={t('cancel')} destroyOnHidden width={wide ? 820 : 560}>
      <Form form={form} layout="vertical" requiredMark={false} style={wide ? { display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 } : undefined}>
        {fields.map((field) => {
          const item = (
            <Form.Item
              key={field.name}
              name={field.name}
              label={field.label}
              extra={field.help}
              rules={[{ validator: check(field.name) }]}
              valuePropName={field.kind === 'switch' ? 'checked' : 'value'}
              {...(field.kind === 'date'
                ? {
                    getValueProps: (v: string | null) => ({ value: v ? dayjs(v) : null }),
                    normalize: (d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
                  }
                : {})}
            >
              {inputFor(field, editing && field.fixedOnEdit === true)}
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
