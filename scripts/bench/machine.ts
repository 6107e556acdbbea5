/** The machine a run was on: CPU model, cores, Chromium and Node versions. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { CHROMIUM_PATH } from '../../tests/support/chromium';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  chromium: string;
  node: string;
}

function chromiumVersion(): string {
  try {
    // Debian's wrapper script may print shell noise on stderr; the version is on stdout.
    return execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `unknown (${CHROMIUM_PATH} --version failed)`;
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    chromium: chromiumVersion(),
    node: process.version,
  };
}

/** The commit measured, and whether the working tree differed from it (other work in progress). */
export function describeSource(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('log', '-1', '--format=%h (committed %cI)');
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench').length > 0;
    return dirty ? `${commit} (with uncommitted changes in the working tree)` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
