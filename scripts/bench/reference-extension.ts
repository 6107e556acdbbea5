/**
 * A yardstick for B2/B3 on the machine at hand: the smallest extension that does what PRODUCT.md
 * F1 calls the cheapest design — one delegated, passive, capturing `pointerover` listener that
 * looks at `closest('a[href]')` when the pointer enters a new element and checks the host against a
 * small Set — and nothing else (no hover intent, no card). Measured exactly like Bitlens, it shows
 * how much of a figure is the floor of that design on this machine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const MANIFEST = {
  manifest_version: 3,
  name: 'bench reference detector',
  version: '1.0',
  background: { service_worker: 'worker.js' },
  content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'] }],
};

const CONTENT_SCRIPT = `
const hosts = new Set(['bit.ly', 'j.mp', 'bitly.com', 'bitly.is']);
let last = null;
let found = 0;
document.addEventListener('pointerover', (event) => {
  if (!event.isTrusted || event.target === last) return;
  last = event.target;
  const link = event.target.closest ? event.target.closest('a[href]') : null;
  if (link && hosts.has(link.hostname)) found++;
}, { capture: true, passive: true });
`;

/** Writes the reference extension to a new temporary directory and returns its path. */
export function writeReferenceExtension(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitlens-bench-reference-'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(path.join(dir, 'content.js'), CONTENT_SCRIPT);
  writeFileSync(path.join(dir, 'worker.js'), '// A service worker, so the extension has one to wait for.\n');
  return dir;
}
