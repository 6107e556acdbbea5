import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { AccountState } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send';
import { SettingsSection } from './settings-section';
import { ShortcutsSection } from './shortcuts-section';
import { TokenSection } from './token-section';

/** The options page. `send` is injectable so the page can be rendered against fixtures. */
export function OptionsApp({ send = sendMessage }: { send?: typeof sendMessage }) {
  const [account, setAccount] = useState<AccountState>({ signedIn: false });
  return (
    <main class="options">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <TokenSection send={send} onChange={setAccount} />
      <SettingsSection send={send} signedIn={account.signedIn} />
      <ShortcutsSection />
    </main>
  );
}
