/**
 * The unit and range pickers of the statistics views: two groups of radio buttons (arrow keys move
 * within a group), mapped to Bitly's `unit`/`units` by utils/settings/time-window.ts.
 */
import { t, type MessageKey } from '@/utils/i18n';
import { RANGES, UNITS } from '@/utils/settings/defaults';
import type { Settings } from '@/utils/settings/settings-schema';
import './window-pickers.css';

type Window = Pick<Settings, 'unit' | 'range'>;

const UNIT_LABEL: Record<Settings['unit'], MessageKey> = {
  hour: 'pickerUnitHour',
  day: 'pickerUnitDay',
  week: 'pickerUnitWeek',
  month: 'pickerUnitMonth',
};
const RANGE_LABEL: Record<Settings['range'], MessageKey> = {
  '7d': 'pickerRange7',
  '30d': 'pickerRange30',
  '90d': 'pickerRange90',
  all: 'pickerRangeAll',
};

interface Props {
  value: Window;
  onChange(next: Window): void;
  /** Distinguishes the radio groups when a page shows more than one set of pickers. */
  name: string;
  /** A custom range is shown (the report's dates): no preset range is chosen. */
  custom?: boolean;
}

function Group<K extends string>({ legend, name, options, labels, value, onPick, hint }: { legend: string; name: string; options: readonly K[]; labels: Record<K, MessageKey>; value: K | null; onPick(k: K): void; hint?: Partial<Record<K, string>> }) {
  return (
    <fieldset class="segmented" data-testid={`picker-${name}`}>
      <legend>{legend}</legend>
      <div class="segments">
        {options.map((option) => (
          <label key={option} title={hint?.[option]}>
            <input type="radio" name={name} value={option} checked={option === value} onChange={() => onPick(option)} />
            <span>{t(labels[option])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function WindowPickers({ value, onChange, name, custom }: Props) {
  return (
    <div class="pickers">
      <Group legend={t('settingsUnit')} name={`${name}-unit`} options={UNITS} labels={UNIT_LABEL} value={value.unit} onPick={(unit) => onChange({ ...value, unit })} />
      <Group
        legend={t('settingsRange')}
        name={`${name}-range`}
        options={RANGES}
        labels={RANGE_LABEL}
        value={custom ? null : value.range}
        onPick={(range) => onChange({ ...value, range })}
        hint={{ all: t('settingsRangeAll') }}
      />
    </div>
  );
}
