/**
 * The report's time window: the unit and range pickers, or custom from–to dates, applied to a
 * facets model; and the words after a total for a custom range.
 */
import { useState } from 'preact/hooks';
import { CustomRangePicker } from '@/components/custom-range-picker';
import type { FacetMap, FacetsModel } from '@/components/facets-model';
import { WindowPickers } from '@/components/window-pickers';
import { t } from '@/utils/i18n';
import { DEFAULTS } from '@/utils/settings/defaults';
import type { Settings } from '@/utils/settings/settings-schema';
import { parseIsoDate, todayUtc, type CustomRange } from '@/utils/stats/date-range';
import { CUSTOM_RANGE_PROBLEM_MESSAGES, CUSTOM_RANGE_ZONE_NOTE } from '@/utils/stats/date-range-messages';
import { customAskWindow } from './report-model';

type Window = Pick<Settings, 'unit' | 'range'>;

export interface ReportWindow {
  /** What the pickers show: the asked unit, the settings' range. */
  window: Window;
  custom: CustomRange | null;
  problem: string | null;
  pick(next: Window): void;
  applyCustom(range: CustomRange, unit?: Window['unit']): void;
}

export function useReportWindow<M extends FacetMap>(model: FacetsModel<M>, settings: Settings | null): ReportWindow {
  const [custom, setCustom] = useState<CustomRange | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const window: Window = { unit: model.window?.unit ?? settings?.unit ?? DEFAULTS.unit, range: settings?.range ?? DEFAULTS.range };

  function applyCustom(range: CustomRange, unit?: Window['unit']) {
    const result = customAskWindow(range, Date.now(), unit);
    if (!result.ok) return setProblem(t(CUSTOM_RANGE_PROBLEM_MESSAGES[result.problem]));
    setProblem(null);
    setCustom({ from: result.from, to: result.to });
    model.setCustomWindow(result.window);
  }

  function pick(next: Window) {
    // With custom dates shown, a unit re-asks those dates in it; a range goes back to the presets.
    if (custom && next.unit !== window.unit) return applyCustom(custom, next.unit);
    setCustom(null);
    setProblem(null);
    model.setWindow(next);
  }

  return { window, custom, problem, pick, applyCustom };
}

export function ReportWindowControls({ state, name, now }: { state: ReportWindow; name: string; now: number }) {
  return (
    <div class="report-window" role="group" aria-label={t('reportWindow')}>
      <WindowPickers name={name} value={state.window} custom={state.custom !== null} onChange={state.pick} />
      <CustomRangePicker name={name} value={state.custom} max={todayUtc(now)} problem={state.problem} onApply={(range) => state.applyCustom(range)} note={t(CUSTOM_RANGE_ZONE_NOTE)} />
    </div>
  );
}

/** "clicks from 1 Nov 2026 to 10 Nov 2026" for custom dates (UTC days), else undefined. */
export function customWords(custom: CustomRange | null, locale: string): string | undefined {
  if (!custom) return undefined;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return t('reportClicksBetween', [day.format(parseIsoDate(custom.from)!), day.format(parseIsoDate(custom.to)!)]);
}
