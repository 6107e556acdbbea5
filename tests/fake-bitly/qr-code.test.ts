import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQrDataUri } from '../../utils/qr/data-uri';
import { decodeQr, readPng, readQrSvg } from '../qr-reader';
import { FREE_TOKEN, PAID_TOKEN, SAMPLE } from './data';
import { type FakeBitly, startFakeBitly } from './server';

let fake: FakeBitly;
beforeAll(async () => {
  fake = await startFakeBitly({ port: 0 });
});
afterAll(() => fake.close());

const { free, paid } = SAMPLE.accounts;

async function get(path: string, token: string) {
  const res = await fetch(fake.url + path, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the stand-in QR endpoint', () => {
  it("gives a paid account a FullQRCode whose SVG holds the short link", async () => {
    const link = paid.links[0]!;
    const { status, body } = await get(`/v4/bitlinks/${link.id}/qr?image_format=svg`, PAID_TOKEN);
    expect(status).toBe(200);
    expect(body.link).toBe(link.link);
    const image = parseQrDataUri(body.qr_code);
    expect(image?.type).toBe('image/svg+xml');
    expect(decodeQr(readQrSvg(new TextDecoder().decode(image!.bytes)))).toBe(link.link);
  });

  it('gives PNG by default and on image_format=png', async () => {
    const link = paid.links[1]!;
    for (const query of ['', '?image_format=png']) {
      const { body } = await get(`/v4/bitlinks/${link.id}/qr${query}`, PAID_TOKEN);
      const image = parseQrDataUri(body.qr_code);
      expect(image?.type).toBe('image/png');
      expect(decodeQr(readPng(image!.bytes))).toBe(link.link);
    }
  });

  it('answers a free account 402 UPGRADE_REQUIRED', async () => {
    const { status, body } = await get(`/v4/bitlinks/${free.links[0]!.id}/qr?image_format=png`, FREE_TOKEN);
    expect(status).toBe(402);
    expect(body.message).toBe('UPGRADE_REQUIRED');
  });
});

describe('QR scans in the seeded traffic', () => {
  it.each(['free', 'paid', 'brand'] as const)('%s has links with Bitly QR Code referrers, and only those', async (key) => {
    const account = SAMPLE.accounts[key];
    expect(account.scannedLinks.length).toBeGreaterThan(0);
    const scanned = new Set(account.scannedLinks.map((l) => l.id));
    for (const link of account.links.slice(0, 6)) {
      const referrers = await get(`/v4/bitlinks/${link.id}/referrers?unit=day&units=30`, account.token);
      const domains = await get(`/v4/bitlinks/${link.id}/referring_domains?unit=day&units=30`, account.token);
      const scans = (referrers.body.metrics as Array<{ value: string; clicks: number }>).find((m) => m.value === 'Bitly QR Code')?.clicks ?? 0;
      const fromDomain = (domains.body.metrics as Array<{ value: string; clicks: number }>).find((m) => m.value === 'qr.partners.bit.ly')?.clicks ?? 0;
      expect(scans).toBe(fromDomain);
      expect(scans > 0, link.id).toBe(scanned.has(link.id));
    }
  });
});
