/**
 * GET /v4/bitlinks/{bitlink}/qr (spec `getBitlinkQRCode`, `x-premium`): the link's QR code as a
 * `FullQRCode` whose `qr_code` is a real data URI of a code holding the short link, in the
 * `image_format` asked (PNG by default). Accounts without premium metrics get 402 UPGRADE_REQUIRED.
 */
import { toBase64 } from '../../../utils/qr/data-uri';
import { qrMatrix } from '../../../utils/qr/qr-matrix';
import { qrPng } from '../../../utils/qr/qr-png';
import { qrSvg } from '../../../utils/qr/qr-svg';
import { apiErrors } from '../errors';
import { ownedLink, requirePremium } from './access';
import { type Route, ok } from './context';

const FORMATS = ['png', 'svg'] as const;

/** The data URI for a link and format, made once per pair (the images never change). */
const images = new Map<string, string>();

function qrDataUri(text: string, format: (typeof FORMATS)[number]): string {
  const key = `${format}|${text}`;
  let uri = images.get(key);
  if (!uri) {
    const matrix = qrMatrix(text);
    uri = format === 'png' ? `data:image/png;base64,${toBase64(qrPng(matrix))}` : `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(qrSvg(matrix)))}`;
    images.set(key, uri);
  }
  return uri;
}

export const qrCodeRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/bitlinks/:domain/:hash/qr',
    operation: 'GET /bitlinks/{bitlink}/qr',
    handler: (ctx) => {
      const link = ownedLink(ctx);
      requirePremium(ctx);
      const format = ctx.query.get('image_format') ?? 'png';
      if (!(FORMATS as readonly string[]).includes(format)) throw apiErrors.invalidArg(ctx.resource, 'image_format');
      const image = format as (typeof FORMATS)[number];
      return ok({
        id: `Q${link.hash}`,
        link: link.link,
        group_guid: link.group_guid,
        customization: { color: '000000', exclude_bitly_logo: true, image_format: image, is_hidden: false },
        qr_code: qrDataUri(link.link, image),
        is_customized: false,
        is_hidden: false,
        has_stored: true,
        created: link.created_at,
        modified: link.created_at,
      });
    },
  },
];
