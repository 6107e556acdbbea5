/**
 * A popup list of links that ask their own clicks (the page's Bitly links, the account's links
 * to the page): one panel instead of the rows when the token is the problem, and the first row
 * with numbers marks the popup's first paint.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { Settings } from '@/utils/settings/settings-schema';
import { StatusPanel } from '@/components/status-panel';
import { AskingRow, type RowState } from './link-row';
import type { PopupApi } from './popup-api';

interface Props {
  api: PopupApi;
  links: ReadonlyArray<{ id: string; title: string }>;
  range: Settings['range'];
  locale: string;
  now: number;
  onOpen(link: string): void;
  onOpenOptions(): void;
  /** A row showed its numbers (the popup marks its first paint). */
  onPainted(): void;
  children?: ComponentChildren;
}

export function LinkList({ api, links, range, locale, now, onOpen, onOpenOptions, onPainted }: Props) {
  const [states, setStates] = useState<ReadonlyMap<string, RowState>>(new Map());
  const onState = useCallback((link: string, state: RowState) => setStates((known) => new Map(known).set(link, state)), []);
  const seen = [...states.values()];
  const tokenProblem = seen.includes('no-token') ? 'no-token' : seen.includes('token-rejected') ? 'token-rejected' : null;

  if (tokenProblem) return <StatusPanel panel={{ kind: tokenProblem }} now={now} onRetry={() => {}} onOpenOptions={onOpenOptions} />;
  return (
    <ul class="rows">
      {links.map((link) => (
        <AskingRow key={link.id} api={api} link={link.id} title={link.title} range={range} locale={locale} now={now} onOpen={onOpen} onState={onState} onPainted={onPainted} />
      ))}
    </ul>
  );
}
