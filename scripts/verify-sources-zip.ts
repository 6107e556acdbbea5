/**
 * `npm run zip:firefox`'s last step: proves the sources archive rebuilds the add-on archive,
 * as an AMO reviewer would. Unpacks the sources into a temporary directory, checks it holds
 * what a rebuild needs and nothing it must not (node_modules, build output), builds the Firefox
 * production flavour there with this checkout's node_modules (a reviewer runs `npm ci` instead),
 * and compares every file with the add-on zip, byte for byte. Exits non-zero on any difference.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const sourcesZip = path.join(ROOT, '.output', `${name}-${version}-sources.zip`);
const addonZip = path.join(ROOT, '.output', `${name}-${version}-firefox.zip`);
const REQUIRED = ['package.json', 'package-lock.json', 'wxt.config.ts', 'SOURCE_CODE_REVIEW.md', 'scripts/flavour.ts', 'scripts/no-inner-html.ts'];
const FORBIDDEN = /^(node_modules|\.output|\.wxt|tests)\//;

function sh(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'bitlens-sources-'));
const problems: string[] = [];
try {
  const sources = path.join(work, 'sources');
  const addon = path.join(work, 'addon');
  sh('unzip', ['-q', sourcesZip, '-d', sources], ROOT);
  sh('unzip', ['-q', addonZip, '-d', addon], ROOT);

  const listed = files(sources);
  for (const file of REQUIRED) if (!listed.includes(file)) problems.push(`sources archive lacks ${file}`);
  for (const file of listed) if (FORBIDDEN.test(file)) problems.push(`sources archive holds ${file}`);

  symlinkSync(path.join(ROOT, 'node_modules'), path.join(sources, 'node_modules'), 'dir');
  // The production flavour, whatever this shell's BITLENS_FLAVOUR says.
  sh('npx', ['wxt', 'build', '-b', 'firefox'], sources, { BITLENS_FLAVOUR: 'production' });
  const rebuilt = path.join(sources, '.output', 'firefox-mv2');
  const want = files(addon).sort();
  const got = files(rebuilt).sort();
  for (const file of new Set([...want, ...got])) {
    if (!got.includes(file)) problems.push(`rebuild lacks ${file}`);
    else if (!want.includes(file)) problems.push(`rebuild has an extra ${file}`);
    else if (!readFileSync(path.join(addon, file)).equals(readFileSync(path.join(rebuilt, file)))) problems.push(`rebuild differs: ${file}`);
  }
  console.log(`sources archive: ${listed.length} files; add-on archive: ${want.length} files`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`The sources archive does not rebuild the add-on:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${path.relative(ROOT, sourcesZip)} rebuilds ${path.relative(ROOT, addonZip)} byte for byte.`);
