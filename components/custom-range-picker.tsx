/**
 * A custom from–to range (UTC days, utils/stats/date-range.ts): two date fields and "Show",
 * with why a range is refused. The surface turns the range into the window it asks for.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { CustomRange } from '@/utils/stats/date-range';
import './custom-range-picker.css';

interface Props {
  name: string;
  /** The range shown now, or null while a preset range is. */
  value: CustomRange | null;
  /** Today's UTC date: the latest a range can end on. */
  max: string;
  /** Why the last range was refused (already in words), or null. */
  problem: string | null;
  onApply(range: CustomRange): void;
  note: string;
}

export function CustomRangePicker({ name, value, max, problem, onApply, note }: Props) {
  const [from, setFrom] = useState(value?.from ?? '');
  const [to, setTo] = useState(value?.to ?? max);
  const problemId = `${name}-range-problem`;
  const noteId = `${name}-range-note`;
  return (
    <form
      class="custom-range"
      data-testid={`custom-range-${name}`}
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ from, to });
      }}
    >
      <fieldset aria-describedby={`${noteId}${problem ? ` ${problemId}` : ''}`}>
        <legend>{t('reportCustomRange')}</legend>
        <label>
          <span>{t('reportRangeFrom')}</span>
          <input type="date" name="from" value={from} max={max} min="2008-01-01" required onInput={(e) => setFrom(e.currentTarget.value)} aria-invalid={problem ? 'true' : undefined} />
        </label>
        <label>
          <span>{t('reportRangeTo')}</span>
          <input type="date" name="to" value={to} max={max} min="2008-01-01" required onInput={(e) => setTo(e.currentTarget.value)} aria-invalid={problem ? 'true' : undefined} />
        </label>
        <button type="submit">{t('reportRangeApply')}</button>
      </fieldset>
      <p class="range-note" id={noteId}>
        {note}
      </p>
      {problem && (
        <p class="range-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
