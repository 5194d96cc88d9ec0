import { Select } from 'antd';
import { nextQuarter, previousQuarter } from '../../shared/quarter';
import { useT } from '../i18n/strings';
import { useAppStore } from '../state/appStore';

/** The quarter every page follows: the last three years and the next one. */
export function QuarterPicker() {
  const t = useT();
  const quarter = useAppStore((s) => s.quarter);
  const setQuarter = useAppStore((s) => s.setQuarter);
  const options: string[] = [];
  let q = nextQuarter(nextQuarter(quarter));
  for (let i = 0; i < 14; i++, q = previousQuarter(q)) options.push(q);
  return (
    <span>
      <span style={{ marginRight: 8, color: '#555' }}>{t('quarter')}</span>
      <Select
        data-testid="quarter-picker"
        value={quarter}
        onChange={setQuarter}
        style={{ width: 120 }}
        options={options.map((value) => ({ value, label: value }))}
      />
    </span>
  );
}
