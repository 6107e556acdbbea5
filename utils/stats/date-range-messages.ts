/** What a custom-range picker says for each refused range (utils/stats/date-range.ts). */
import type { MessageKey } from '../i18n';
import type { CustomRangeProblem } from './date-range';

export const CUSTOM_RANGE_PROBLEM_MESSAGES: Readonly<Record<CustomRangeProblem, MessageKey>> = {
  'invalid-date': 'dateRangeInvalidDate',
  'from-after-to': 'dateRangeFromAfterTo',
  'in-future': 'dateRangeInFuture',
  'too-many-hours': 'dateRangeTooManyHours',
};

/** Said beside every custom-range picker: the days are UTC days. */
export const CUSTOM_RANGE_ZONE_NOTE: MessageKey = 'dateRangeUtc';
