/**
 * The toolbar popup (PRODUCT.md F3): it paints its frame at once, learns about the tab (its own
 * address, its content script's list of Bitly links), opens on the first view that applies
 * (popup-start.ts), and lets the user go from a list to a link's statistics and back. Everything
 * it knows comes through `PopupApi`.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { DEFAULTS } from '@/utils/settings/defaults';
import type { Settings } from '@/utils/settings/settings-schema';
import { LensIcon, OverviewIcon, SettingsIcon } from '@/components/icons';
import { LinkStats } from '@/components/link-stats';
import { StatusPanel } from '@/components/status-panel';
import { useNow } from '@/components/use-now';
import { AccountView } from './account-view';
import { LinksToPageView } from './links-to-page-view';
import { PageLinksView } from './page-links-view';
import type { PopupApi } from './popup-api';
import { linkStatsModel } from './popup-models';
import { choosePopupView, learnAboutTab, type PopupView, type TabFacts } from './popup-start';

export interface PopupAppProps {
  api: PopupApi;
  /** For numbers and dates (`Intl`). */
  locale: string;
}

/** A view the user went to, and the row it was chosen from (focus returns there). */
interface Visit {
  view: PopupView;
  from?: string;
}

/** Marks the page for tests and the benchmark: the view shown, and when numbers first painted. */
function useDocumentMarks(view: PopupView | null) {
  useLayoutEffect(() => {
    document.documentElement.dataset.view = view?.kind ?? 'loading';
  }, [view]);
}

function markPainted() {
  if (document.documentElement.dataset.paintedAt) return;
  requestAnimationFrame(() => {
    document.documentElement.dataset.paintedAt ??= String(Date.now());
  });
}

function LinkStatsVisit({ api, link, text, locale, onBack, announce, onOpenOptions, onWindowChange }: {
  api: PopupApi;
  link: string;
  text: string;
  locale: string;
  onBack?(): void;
  announce(text: string): void;
  onOpenOptions(): void;
  onWindowChange(window: Pick<Settings, 'unit' | 'range'>): void;
}) {
  const model = useMemo(() => linkStatsModel(api, link), [api, link]);
  // Started as it mounts, not after the next paint: the cached numbers are asked for at once.
  useLayoutEffect(() => {
    model.start();
    return () => model.dispose();
  }, [model]);
  return (
    <LinkStats
      model={model}
      link={link}
      text={text}
      locale={locale}
      onCopy={() => api.copyText(`https://${link}`)}
      onOpenOptions={onOpenOptions}
      onWindowChange={onWindowChange}
      announce={announce}
      onBack={onBack}
      onChartDrawn={markPainted}
    />
  );
}

export function PopupApp({ api, locale }: PopupAppProps) {
  const [facts, setFacts] = useState<TabFacts>({});
  const [root, setRoot] = useState<PopupView | null>(null);
  const [visits, setVisits] = useState<Visit[]>([]);
  const [range, setRange] = useState<Settings['range']>(DEFAULTS.range);
  const [notice, setNotice] = useState('');
  const now = useNow(1000);

  // Asked before the first paint, and the view chosen as a fact arrives (not in an effect after
  // the next paint): each hop to the first numbers costs a frame otherwise.
  useLayoutEffect(() => {
    let gone = false;
    let known: TabFacts = {};
    let chosen: PopupView | null = null;
    learnAboutTab(api, (fact) => {
      if (gone) return;
      known = { ...known, ...fact };
      setFacts(known);
      // The view is chosen once, as soon as the facts allow; only learning that no one is signed in changes it.
      const next = choosePopupView(known);
      if (!next || (chosen && next.kind !== 'no-token') || chosen?.kind === 'no-token') return;
      // For the benchmark's breakdown of the time to the first paint (scripts/bench/b7-popup.ts).
      if (!chosen) performance.mark('bitlens-popup-view');
      chosen = next;
      setRoot(next);
    });
    api.getSettings().then((settings) => !gone && setRange(settings.range), () => {});
    const unsubscribe = api.subscribe((push) => {
      if (push.type === 'settingsChanged') setRange(push.settings.range);
    });
    return () => {
      gone = true;
      unsubscribe();
    };
  }, [api]);

  const account = facts.account;

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(''), 3000);
    return () => clearTimeout(timer);
  }, [notice]);

  const current = root?.kind === 'no-token' ? root : (visits.at(-1)?.view ?? root);
  useDocumentMarks(current);

  const openOptions = useCallback(() => void api.openOptions().catch(() => {}), [api]);
  const open = useCallback((view: PopupView, from?: string) => setVisits((stack) => [...stack, { view, from }]), []);
  const openLink = useCallback((link: string) => open({ kind: 'link', link }, link), [open]);
  const back = useCallback(() => {
    const left = visits.at(-1);
    setVisits((stack) => stack.slice(0, -1));
    // Back where the link was chosen: focus returns to its row.
    if (left?.from) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-link="${CSS.escape(left.from!)}"]`)?.focus());
  }, [visits]);
  const storeWindow = useCallback(
    (window: Pick<Settings, 'unit' | 'range'>) => {
      setRange(window.range);
      void api.updateSettings(window).catch(() => setNotice(t('settingsNotSaved')));
    },
    [api],
  );

  // A layout effect: the listener knows a view the user just went to before any later key arrives
  // (after a paint, an Escape pressed at once found no view to go back from and closed the popup).
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || visits.length === 0) return;
      event.preventDefault();
      back();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [visits, back]);

  const signedIn = account?.signedIn === true;
  const list = { api, range, locale, now, onOpen: openLink, onOpenOptions: openOptions, onPainted: markPainted };

  function body(view: PopupView | null) {
    switch (view?.kind) {
      case undefined:
        return (
          <div class="view" aria-hidden="true">
            <span class="skeleton heading" />
            <span class="skeleton row" />
            <span class="skeleton row" />
          </div>
        );
      case 'no-token':
        return <StatusPanel panel={{ kind: 'no-token' }} now={now} onRetry={() => {}} onOpenOptions={openOptions} />;
      case 'link': {
        const text = root?.kind === 'page-links' ? (root.page.links.find((l) => l.id === view.link)?.text ?? '') : '';
        return (
          <LinkStatsVisit
            key={view.link}
            api={api}
            link={view.link}
            text={text}
            locale={locale}
            onBack={visits.length > 0 ? back : undefined}
            announce={setNotice}
            onOpenOptions={openOptions}
            onWindowChange={storeWindow}
          />
        );
      }
      case 'page-links':
        return <PageLinksView {...list} page={view.page} />;
      case 'links-to-page':
        return <LinksToPageView {...list} url={view.url} pageListed={view.pageListed} announce={setNotice} />;
      case 'account':
        return (
          <AccountView
            api={api}
            login={signedIn && account?.signedIn ? account.account.login : ''}
            locale={locale}
            now={now}
            onOpen={openLink}
            onOpenOptions={openOptions}
            onWindowChange={storeWindow}
            onChartDrawn={markPainted}
            onBack={visits.length > 0 ? back : undefined}
          />
        );
    }
  }

  return (
    <div class="popup" aria-busy={current === null}>
      <header class="popup-head">
        <LensIcon class="logo" />
        <span class="brand">{t('cardBrand')}</span>
        {signedIn && current?.kind !== 'account' && (
          <button type="button" class="action" onClick={() => open({ kind: 'account' })} data-testid="open-account">
            <OverviewIcon />
            <span>{t('popupAccountButton')}</span>
          </button>
        )}
        <button type="button" class="action icon-only" onClick={openOptions} aria-label={t('popupSettings')} title={t('popupSettings')} data-testid="open-settings">
          <SettingsIcon />
        </button>
      </header>
      <main class="popup-body">{body(current)}</main>
      <div class="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
