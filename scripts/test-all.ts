/**
 * `npm test`: typecheck, build, then every suite (unit, contract, end-to-end in Chromium and
 * Firefox), ending with one
 * line that sums them: `N passed, N failed`. Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

interface Tally {
  name: string;
  passed: number;
  failed: number;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'bitlens-test-'));
const tallies: Tally[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that is not a test suite still counts: as one failure if it breaks. */
function step(label: string, command: string, args: string[], env?: Record<string, string>) {
  const ok = run(label, command, args, env);
  if (!ok) tallies.push({ name: label, passed: 0, failed: 1 });
  return ok;
}

function vitestSuite(project: 'unit' | 'contract') {
  const out = path.join(tmp, `${project}.json`);
  run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return tallies.push({ name: project, passed: 0, failed: 1 });
  const report = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
  // A file that fails to load has no failed tests but makes the run unsuccessful.
  const failed = report.numFailedTests || (report.success ? 0 : 1);
  tallies.push({ name: project, passed: report.numPassedTests, failed });
}

function playwrightSuite() {
  const out = path.join(tmp, 'e2e.json');
  run('end-to-end tests', 'npx', ['playwright', 'test'], { PW_JSON_OUTPUT: out });
  if (!existsSync(out)) return tallies.push({ name: 'e2e', passed: 0, failed: 1 });
  const { stats } = JSON.parse(readFileSync(out, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  tallies.push({ name: 'e2e', passed: stats.expected + stats.flaky, failed: stats.unexpected });
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
vitestSuite('unit');
vitestSuite('contract');
/** The Firefox add-ons linter on the production build: 0 errors and 0 warnings, or it fails. */
function firefoxLint() {
  const ok =
    run('Firefox production build', 'npx', ['wxt', 'build', '-b', 'firefox']) &&
    run('web-ext lint', 'npx', ['--no-install', 'web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--warnings-as-errors', '--boring']);
  tallies.push({ name: 'web-ext lint', passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

firefoxLint();
const built =
  step('production build', 'npx', ['wxt', 'build']) &&
  step('test build', 'npx', ['wxt', 'build'], { BITLENS_FLAVOUR: 'test' }) &&
  step('Firefox test build', 'npx', ['wxt', 'build', '-b', 'firefox'], { BITLENS_FLAVOUR: 'test' });
if (built) playwrightSuite();
else tallies.push({ name: 'e2e', passed: 0, failed: 1 });

console.log('\nSummary');
for (const t of tallies) console.log(`  ${t.name.padEnd(18)} ${t.passed} passed, ${t.failed} failed`);
const passed = tallies.reduce((n, t) => n + t.passed, 0);
const failed = tallies.reduce((n, t) => n + t.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
