/**
 * B6: API calls of the hover session (50 links hovered 3 times each), from the stand-in's request
 * log. PRODUCT.md §2: an uncached owned link costs exactly `POST /v4/expand` + `/clicks` +
 * `/countries` + `/referrers`; hovering it again costs nothing.
 *
 * Every request is attributed to the hover it happened in. Requests about a link (expand, any
 * `/v4/bitlinks/...`) count against the budget; account-level requests (e.g. the branded-domain
 * list, refreshed daily) are not per link: they are listed, and may not repeat either.
 */
import type { LoggedRequest } from '../../tests/fake-bitly/server';
import { HOVER_ROUNDS, type HoverSession } from './hover-session';
import type { Measured } from './result';

export const PER_LINK_CALLS = ['expand', 'clicks', 'countries', 'referrers'] as const;
const EXPECTED = [...PER_LINK_CALLS].sort().join(',');

type Kind = { about: 'link'; what: string } | { about: 'other-link' | 'account'; what: string };

/** What a request was for, relative to the hovered link `linkId`. */
function kindOf(call: LoggedRequest, linkId: string): Kind {
  if (call.method === 'POST' && call.path === '/v4/expand') return { about: 'link', what: 'expand' };
  const prefix = `/v4/bitlinks/${linkId}`;
  const method = call.method === 'GET' ? '' : `${call.method} `;
  if (call.path === prefix) return { about: 'link', what: `${method}bitlink` };
  if (call.path.startsWith(`${prefix}/`)) return { about: 'link', what: method + call.path.slice(prefix.length + 1) };
  if (call.path.startsWith('/v4/bitlinks/')) return { about: 'other-link', what: `${call.method} ${call.path}` };
  return { about: 'account', what: `${call.method} ${call.path}` };
}

const describe = (call: LoggedRequest) => `${call.method} ${call.path}${Object.keys(call.query).length ? `?${new URLSearchParams(call.query)}` : ''}`;

export function apiCalls(session: HoverSession): Measured {
  const links = [...new Set(session.records.map((r) => r.linkId))];
  const budgetTotal = links.length * PER_LINK_CALLS.length;
  const firstHoverKinds = new Map<string, number>();
  const offBudget: string[] = [];
  const accountCalls: string[] = [];
  let firstHoverCalls = 0;
  let rehoverCalls = 0;
  let repeats = 0;
  const seen = new Set<string>();
  const countRepeat = (key: string) => {
    if (seen.has(key)) repeats++;
    seen.add(key);
  };

  // Link requests before any hover are prefetches: they count against the budget.
  const prefetches = session.pageLoadCalls.filter((c) => c.path === '/v4/expand' || c.path.startsWith('/v4/bitlinks/'));
  for (const call of session.pageLoadCalls) {
    if (prefetches.includes(call)) offBudget.push(`before any hover: ${describe(call)}`);
    else accountCalls.push(describe(call));
    countRepeat(describe(call));
  }

  for (const record of session.records) {
    const linkKinds: string[] = [];
    for (const call of record.calls) {
      const kind = kindOf(call, record.linkId);
      // The stand-in does not log the expand body (which link): key expands by the hovered link.
      countRepeat(kind.what === 'expand' ? `expand ${record.linkId}` : describe(call));
      if (kind.about === 'account') accountCalls.push(describe(call));
      else linkKinds.push(kind.about === 'link' ? kind.what : `other link ${kind.what}`);
    }
    if (record.round === 1) {
      firstHoverCalls += linkKinds.length;
      for (const k of linkKinds) firstHoverKinds.set(k, (firstHoverKinds.get(k) ?? 0) + 1);
      if ([...linkKinds].sort().join(',') !== EXPECTED) offBudget.push(`${record.linkId}: ${linkKinds.join(', ') || 'no calls'}`);
    } else {
      rehoverCalls += linkKinds.length;
      if (linkKinds.length) offBudget.push(`${record.linkId} (hover ${record.round}): ${linkKinds.join(', ')}`);
    }
  }
  const total = firstHoverCalls + rehoverCalls + prefetches.length;
  const pass = total === budgetTotal && offBudget.length === 0 && repeats === 0;
  const kindList = [...firstHoverKinds].map(([k, n]) => `${k} ${n}`).join(', ');
  return {
    rows: [
      {
        id: 'B6',
        measure: `API calls: ${links.length} links hovered ${HOVER_ROUNDS} times each`,
        measured: `${total} (first hovers ${firstHoverCalls}, re-hovers ${rehoverCalls}, before hovering ${prefetches.length}), ${repeats} repeats`,
        budget: `${budgetTotal} (expand + clicks + countries + referrers per link), 0 repeats`,
        pass,
      },
    ],
    notes: [
      `B6 first-hover calls by kind: ${kindList || 'none'}.`,
      `B6 account-level calls (not per link, not counted in the total): ${accountCalls.length ? accountCalls.join('; ') : 'none'}.`,
      ...(offBudget.length ? [`B6 off budget (${offBudget.length}): ${offBudget.slice(0, 5).join('; ')}${offBudget.length > 5 ? '; …' : ''}.`] : []),
      ...(session.cardsLeftOpen ? [`B6 the card stayed open after the pointer left on ${session.cardsLeftOpen} hovers.`] : []),
    ],
  };
}
