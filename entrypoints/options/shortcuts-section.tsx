/** The keyboard shortcuts (F7): the popup's, as the browser has it now, and the hover card's. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

/** The manifest's command for the toolbar popup (MV3 and Firefox's MV2 name). */
const POPUP_COMMANDS = ['_execute_action', '_execute_browser_action'];

/** The popup's shortcut as the browser reports it; '' when none is set. */
export async function popupShortcut(getAll: () => Promise<Array<{ name?: string; shortcut?: string }>> = () => browser.commands.getAll()): Promise<string> {
  const commands = await getAll();
  return commands.find((c) => c.name !== undefined && POPUP_COMMANDS.includes(c.name))?.shortcut ?? '';
}

export function ShortcutsSection({ readShortcut = popupShortcut }: { readShortcut?: () => Promise<string> }) {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    readShortcut().then(setShortcut, () => setShortcut(''));
  }, [readShortcut]);
  return (
    <section class="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('settingsShortcutsLegend')}</h2>
      <ul class="shortcuts">
        <li data-testid="popup-shortcut">
          {shortcut === null ? '' : shortcut ? t('settingsShortcutPopup', shortcut) : t('settingsShortcutPopupUnset')}
        </li>
        <li>{t('settingsShortcutHint')}</li>
      </ul>
      <p class="muted">{t('settingsShortcutChange')}</p>
    </section>
  );
}
