/**
 * What an extension page loads before it can run: the HTML's module script, its modulepreloads,
 * and every chunk those import statically (dynamic `import()`s are left out: they load later, on
 * demand; the graph is read by tests/support/bundle-boundaries.ts). Sizes are gzip level 9, like B1.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startupFiles } from '../../tests/support/bundle-boundaries';

export interface StartupFile {
  /** Relative to the extension directory, e.g. `chunks/card-Bx.js`. */
  file: string;
  raw: number;
  gzip: number;
}

export interface PageStartup {
  page: string;
  files: StartupFile[];
  raw: number;
  gzip: number;
}

export function pageStartup(extensionDir: string, page: string): PageStartup {
  const files = startupFiles(extensionDir, page).map((file) => {
    const bytes = readFileSync(path.join(extensionDir, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { page, files, raw: files.reduce((n, f) => n + f.raw, 0), gzip: files.reduce((n, f) => n + f.gzip, 0) };
}

/** The extension pages with start-up scripts, as built (`card.html`, `popup.html`, …). */
export const MEASURED_PAGES = ['card.html', 'popup.html', 'options.html', 'report.html'] as const;

export function pageStartups(extensionDir: string): PageStartup[] {
  return MEASURED_PAGES.filter((page) => existsSync(path.join(extensionDir, page))).map((page) => pageStartup(extensionDir, page));
}

// `npx tsx scripts/bench/page-bundles.ts [dir]`: the table, for comparing builds by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? '.output/chrome-mv3');
  for (const startup of pageStartups(dir)) {
    console.log(`${startup.page}: ${startup.gzip} B gzip (${startup.raw} B minified)`);
    for (const f of startup.files) console.log(`  ${f.file.padEnd(40)} ${String(f.gzip).padStart(7)} B gzip ${String(f.raw).padStart(8)} B`);
  }
}
