/**
 * A link's QR code (PRODUCT.md F5b) behind a button: nothing about QR codes loads until it is
 * opened — then the panel (qr-code-panel.tsx) is imported, and it imports the generator only when it
 * must make the code itself — so the popup's start-up bundle holds just this button.
 */
import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { QrIcon } from './icons';
import type { QrCodePanel } from './qr-code-panel';

interface Props {
  /** The bitlink id (`domain/hash`). */
  link: string;
}

type Panel = typeof QrCodePanel;

export function QrCode({ link }: Props) {
  const [open, setOpen] = useState(false);
  const [panel, setPanel] = useState<{ Panel: Panel } | 'failed' | null>(null);
  const panelId = `qr-panel-${link.replace(/[^\w-]/g, '-')}`;

  const toggle = () => {
    setOpen(!open);
    if (panel === null || panel === 'failed') {
      import('./qr-code-panel').then(
        (m) => setPanel({ Panel: m.QrCodePanel }),
        () => setPanel('failed'),
      );
    }
  };

  return (
    <div class="qr-code" data-testid="qr-code">
      <button type="button" class="action" aria-expanded={open} aria-controls={panelId} onClick={toggle} data-testid="qr-toggle">
        <QrIcon />
        <span>{t('qrButton')}</span>
      </button>
      {open && (
        <div id={panelId}>
          {panel === 'failed' ? (
            <p class="facet-line" role="alert">{t('qrLoadFailed')}</p>
          ) : panel ? (
            <panel.Panel link={link} />
          ) : (
            <p class="facet-line" aria-busy="true">{t('qrLoading')}</p>
          )}
        </div>
      )}
    </div>
  );
}
