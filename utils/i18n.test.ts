import { describe, expect, it } from 'vitest';
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';
import { CUSTOM_RANGE_PROBLEM_MESSAGES, CUSTOM_RANGE_ZONE_NOTE } from './stats/date-range-messages';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('UI strings', () => {
  it('German has every English string, with the same placeholders', () => {
    const english = en as Catalogue;
    const german = de as Catalogue;
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const placeholders = (e: Catalogue[string] | undefined) => Object.keys(e?.placeholders ?? {}).sort();
      expect(placeholders(german[key]), key).toEqual(placeholders(entry));
      for (const name of placeholders(entry)) expect(german[key]!.message, key).toContain(`$${name.toUpperCase()}$`);
    }
  });

  it('a custom-range picker has words for every refused range', () => {
    for (const key of [...Object.values(CUSTOM_RANGE_PROBLEM_MESSAGES), CUSTOM_RANGE_ZONE_NOTE]) {
      expect((en as Catalogue)[key]?.message, key).toBeTruthy();
    }
  });
});
