import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import type { AccountState, AccountSummary, TokenProblem } from '@/utils/messaging/protocol';
import type { sendMessage } from '@/utils/messaging/send';

const problemText: Record<TokenProblem, MessageKey> = {
  empty: 'tokenEmpty',
  'token-rejected': 'tokenRejected',
  unreachable: 'tokenUnreachable',
  'rate-limited': 'tokenRateLimited',
  'server-error': 'tokenServerError',
};

type Status =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'saved' }
  | { kind: 'problem'; problem: TokenProblem };

/** Token setup (F4): paste, check with Bitly, save; shows the account and signs out. */
export function TokenSection({ send, onChange }: { send: typeof sendMessage; onChange?: (state: AccountState) => void }) {
  const [state, setState] = useState<AccountState | null>(null);
  useEffect(() => {
    if (state) onChange?.(state);
  }, [state, onChange]);
  const [draft, setDraft] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    send('getAccount', {}).then(setState, () => setState({ signedIn: false }));
  }, [send]);

  async function save(event: Event) {
    event.preventDefault();
    if (!draft.trim()) {
      setStatus({ kind: 'problem', problem: 'empty' });
      return;
    }
    setStatus({ kind: 'checking' });
    try {
      const reply = await send('saveToken', { token: draft });
      if (reply.ok) {
        setState({ signedIn: true, account: reply.account });
        setDraft('');
        setStatus({ kind: 'saved' });
      } else {
        // The draft stays in the field so the user can fix it rather than paste again.
        setStatus({ kind: 'problem', problem: reply.problem });
      }
    } catch {
      setStatus({ kind: 'problem', problem: 'unreachable' });
    }
  }

  async function signOut() {
    setState(await send('signOut', {}));
    setStatus({ kind: 'idle' });
  }

  const checking = status.kind === 'checking';
  return (
    <section class="card" aria-labelledby="token-heading">
      <h2 id="token-heading">{t('tokenHeading')}</h2>
      {state?.signedIn && <AccountCard account={state.account} onSignOut={signOut} />}
      <p>
        {t('tokenWhereFrom')}{' '}
        <a href="https://app.bitly.com/settings/api/" target="_blank" rel="noreferrer noopener">
          {t('tokenSettingsLink')}
        </a>
      </p>
      <p class="muted">{t('tokenPrivacy')}</p>
      <form onSubmit={save} noValidate>
        <label for="token">{state?.signedIn ? t('tokenReplaceLabel') : t('tokenLabel')}</label>
        <div class="token-row">
          <input
            id="token"
            type="password"
            autocomplete="off"
            spellcheck={false}
            value={draft}
            aria-invalid={status.kind === 'problem'}
            aria-describedby="token-status"
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit" class="primary" disabled={checking} aria-busy={checking}>
            {checking ? t('tokenChecking') : t('tokenSave')}
          </button>
        </div>
      </form>
      <div id="token-status" role="status" aria-live="polite">
        {status.kind === 'problem' && <p class="notice error">{t(problemText[status.problem])}</p>}
        {status.kind === 'saved' && <p class="notice success">{t('tokenSaved')}</p>}
      </div>
    </section>
  );
}

function AccountCard({ account, onSignOut }: { account: AccountSummary; onSignOut: () => void }) {
  return (
    <div class="account" data-testid="account">
      <dl>
        <dt>{t('accountSignedInAs')}</dt>
        <dd>
          {account.name ? `${account.name} (${account.login})` : account.login}
        </dd>
        <dt>{t('accountDefaultGroup')}</dt>
        <dd>{account.defaultGroup.name ?? account.defaultGroup.guid}</dd>
        {account.organization && (
          <>
            <dt>{t('accountOrganization')}</dt>
            <dd>{t('accountOrganizationTier', [account.organization.name, account.organization.tierName])}</dd>
          </>
        )}
      </dl>
      <button type="button" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </div>
  );
}
