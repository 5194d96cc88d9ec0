import { App as AntApp, DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { readDate } from '../../shared/bank/cellValues';
import { useT } from '../i18n/strings';

/**
 * What a typed date may look like: 2026-07-26, 2024/1/1, 2026.07.26, 20260726. The first is how
 * dates are shown; the others are read as the user types them.
 */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY-M-D', 'YYYY/M/D', 'YYYY/MM/DD', 'YYYY.M.D', 'YYYY.MM.DD', 'YYYYMMDD'];

type Props = Omit<DatePickerProps, 'format' | 'onBlur' | 'preserveInvalidOnBlur' | 'onChange' | 'value' | 'multiple' | 'defaultValue' | 'onOk'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null, text: string) => void;
  /** The field's name, said when what was typed is not a date. */
  label: string;
  /**
   * Told the text that could not be read as a date (null once the field holds a date again).
   * Without it, the unreadable text is named in a message instead.
   */
  onUnreadable?: (text: string | null) => void;
};

/**
 * A date field that reads what is typed with `/`, `.` or `-` and one- or two-digit months and
 * days (as the bank import does), and never drops a typed date in silence: what cannot be read
 * stays in the field and is named, with the field, to the user.
 */
export function DateInput({ label, onUnreadable, onChange, value, ...props }: Props) {
  const t = useT();
  const { message } = AntApp.useApp();
  const unreadable = (text: string | null) => {
    if (onUnreadable) onUnreadable(text);
    else if (text !== null) void message.error(t('date.unreadable', { field: label, text }));
  };
  return (
    <DatePicker
      {...props}
      value={value}
      format={DATE_FORMATS}
      preserveInvalidOnBlur
      onChange={(date: Dayjs | null, text: string | null) => {
        unreadable(null);
        onChange?.(date, text ?? '');
      }}
      onBlur={(event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        if (text === '') return unreadable(null);
        const read = readDate(text);
        if (read.kind !== 'value') return unreadable(text);
        unreadable(null);
        // Typed but not confirmed with Enter: the picker may not have taken it; take it here.
        if (!dayjs.isDayjs(value) || value.format('YYYY-MM-DD') !== read.value) onChange?.(dayjs(read.value), read.value);
      }}
    />
  );
}
