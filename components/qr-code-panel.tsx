/**
 * The opened QR section: Bitly's own code where the account's plan has Bitly's QR API (its scans
 * are counted by Bitly), else a code made here (no network) with a note that its scans count as
 * ordinary clicks; PNG and SVG downloads named after the link; copy as an image.
 *
 * Bitly's data URIs are untrusted: only a well-formed PNG or SVG is accepted (data-uri.ts), and the
 * page shows the image only through `<img src>`, re-encoded from the checked bytes.
 */
import { useEffect, useState } from 'preact/hooks';
import { downloadBlob } from '@/utils/export/download';
import { t } from '@/utils/i18n';
import { askLinkFacet } from '@/utils/messaging/send';
import { parseQrDataUri, qrDataUri, type QrImage } from '@/utils/qr/data-uri';
import { qrBlob, qrFileName } from '@/utils/qr/qr-files';
import './qr-code.css';

/** Shown at this size: 6–8 px a module for a short link's code (versions 2–4), quiet zone included. */
const DISPLAY_PX = 264;

type Shown =
  | { state: 'loading' }
  | { state: 'ready'; source: 'bitly'; png: QrImage; svg: QrImage }
  /** `planLacksQr`: Bitly said 402 (remembered); otherwise its code could not be had this time. */
  | { state: 'ready'; source: 'local'; planLacksQr: boolean; png: QrImage; svg: QrImage }
  | { state: 'failed' };

/** Bitly's code for the link; `upgrade-required` when the plan lacks the QR API; null when there is no usable answer. */
async function bitlyCode(link: string): Promise<{ png: QrImage; svg: QrImage } | 'upgrade-required' | null> {
  const reply = await askLinkFacet({ link, facet: 'qrCode', priority: 'interactive' }).catch(() => null);
  if (reply?.state === 'upgrade-required') return 'upgrade-required';
  if (reply?.state !== 'data') return null;
  const png = parseQrDataUri(reply.data.png);
  const svg = parseQrDataUri(reply.data.svg);
  return png?.type === 'image/png' && svg?.type === 'image/svg+xml' ? { png, svg } : null;
}

async function loadCode(link: string): Promise<Shown> {
  const bitly = await bitlyCode(link);
  if (bitly !== null && bitly !== 'upgrade-required') return { state: 'ready', source: 'bitly', ...bitly };
  const { localQrImages } = await import('@/utils/qr/local-qr');
  return { state: 'ready', source: 'local', planLacksQr: bitly === 'upgrade-required', ...localQrImages(`https://${link}`) };
}

export function QrCodePanel({ link }: { link: string }) {
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  const [message, setMessage] = useState('');

  useEffect(() => {
    let current = true;
    setShown({ state: 'loading' });
    loadCode(link).then(
      (next) => current && setShown(next),
      () => current && setShown({ state: 'failed' }),
    );
    return () => {
      current = false;
    };
  }, [link]);

  if (shown.state === 'loading') return <div class="qr-panel" aria-busy="true"><span class="skeleton qr-skeleton" /><span class="visually-hidden">{t('qrLoading')}</span></div>;
  if (shown.state === 'failed') return <p class="facet-line" role="alert">{t('qrLoadFailed')}</p>;

  const { png, svg } = shown;
  const note = shown.source === 'bitly' ? t('qrFromBitly') : shown.planLacksQr ? t('qrLocalNote') : t('qrLocalNoteUnavailable');
  const download = (image: QrImage) => {
    downloadBlob(qrFileName(link, image.type), qrBlob(image));
    setMessage(t('qrDownloaded', qrFileName(link, image.type)));
  };
  const copy = async () => {
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': qrBlob(png) })]);
      setMessage(t('qrCopied'));
    } catch {
      setMessage(t('qrCopyRefused'));
    }
  };

  return (
    <div class="qr-panel" data-source={shown.source} data-testid="qr-panel">
      <figure class="qr-figure">
        <img class="qr-image" src={qrDataUri(png)} width={DISPLAY_PX} height={DISPLAY_PX} alt={t('qrAlt', `https://${link}`)} data-testid="qr-image" />
        <figcaption class="qr-note" data-testid="qr-note">
          {note}
        </figcaption>
      </figure>
      <div class="qr-actions" role="group" aria-label={t('qrHeading')}>
        <button type="button" class="action" onClick={() => download(png)} data-testid="qr-download-png">
          {t('qrDownloadPng')}
        </button>
        <button type="button" class="action" onClick={() => download(svg)} data-testid="qr-download-svg">
          {t('qrDownloadSvg')}
        </button>
        <button type="button" class="action" onClick={() => void copy()} data-testid="qr-copy">
          {t('qrCopyImage')}
        </button>
      </div>
      <p class="qr-message" role="status" aria-live="polite" data-testid="qr-message">
        {message}
      </p>
    </div>
  );
}
