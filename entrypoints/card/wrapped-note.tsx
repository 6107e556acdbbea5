/**
 * A card for a link behind a known link wrapper (issue 15) says so. When only the link's text
 * names the Bitly link (X's t.co), the link itself goes to the wrapper, whose destination Bitlens
 * cannot see without following it: the card says that plainly, so the destination shown below
 * is read as the Bitly link's, not the wrapper's.
 */
import { t } from '@/utils/i18n';
import type { WrappedVia } from '@/utils/messaging/protocol';

export function WrappedNote({ via }: { via: WrappedVia }) {
  return (
    <p class={`wrapped-note ${via.found}`} data-testid="wrapped-note" data-found={via.found}>
      {via.found === 'text' ? t('cardWrappedText', via.wrapper) : t('cardWrappedParam', via.wrapper)}
    </p>
  );
}
