import { describe, expect, it } from 'vitest';
import { LookupBudget, NEW_LOOKUPS_PER_TAB_PER_MINUTE } from './lookup-budget';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('lookup budget per tab', () => {
  it('lets a tab look up new links up to the cap in a minute, then refuses the next new one', () => {
    const c = clock();
    const budget = new LookupBudget(3, c.now);
    expect(['a', 'b', 'c'].map((link) => budget.admit(1, link))).toEqual([true, true, true]);
    expect(budget.admit(1, 'd')).toBe(false);
  });

  it('a link already counted is always let through (its other facets, a second hover)', () => {
    const budget = new LookupBudget(2, clock().now);
    budget.admit(1, 'a');
    budget.admit(1, 'b');
    expect(budget.admit(1, 'a')).toBe(true);
    expect(budget.admit(1, 'b')).toBe(true);
    expect(budget.admit(1, 'c')).toBe(false);
  });

  it('a refused link is let through when the user clicked for it, and then counts', () => {
    const budget = new LookupBudget(1, clock().now);
    budget.admit(1, 'a');
    expect(budget.admit(1, 'b')).toBe(false);
    expect(budget.admit(1, 'b', true)).toBe(true);
    expect(budget.admit(1, 'b')).toBe(true);
    expect(budget.admit(1, 'c')).toBe(false);
  });

  it('counts each tab on its own', () => {
    const budget = new LookupBudget(1, clock().now);
    expect(budget.admit(1, 'a')).toBe(true);
    expect(budget.admit(2, 'b')).toBe(true);
    expect(budget.admit(1, 'b')).toBe(false);
  });

  it.each([
    [59_999, false],
    [60_000, true],
  ])('a minute later the first links no longer count (%i ms later: admitted %s)', (ms, admitted) => {
    const c = clock();
    const budget = new LookupBudget(2, c.now);
    budget.admit(1, 'a');
    budget.admit(1, 'b');
    c.advance(ms);
    expect(budget.admit(1, 'c')).toBe(admitted);
  });

  it('a closed tab is forgotten', () => {
    const budget = new LookupBudget(1, clock().now);
    budget.admit(1, 'a');
    budget.forgetTab(1);
    expect(budget.admit(1, 'b')).toBe(true);
  });

  it('the default cap lets the benchmark’s 50 different links through, and not a page’s hundred', () => {
    const budget = new LookupBudget(undefined, clock().now);
    const admitted = Array.from({ length: 100 }, (_, i) => budget.admit(1, `l${i}`)).filter(Boolean).length;
    expect(NEW_LOOKUPS_PER_TAB_PER_MINUTE).toBeGreaterThanOrEqual(50);
    expect(admitted).toBe(NEW_LOOKUPS_PER_TAB_PER_MINUTE);
  });
});
