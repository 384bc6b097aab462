/**
 * Which Chromium the end-to-end tests and benchmarks drive.
 *
 * Playwright's own browser download is not reachable on every machine, so prefer a system
 * Chromium (CHROMIUM_PATH, or Debian's /usr/bin/chromium). When none is there and we run as
 * root on Debian, install it with apt-get; anywhere else fall back to Playwright's browsers.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function findInstalled(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

function tryInstall(): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return;
  console.log('[e2e] No system Chromium found; installing Debian chromium with apt-get...');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    console.warn(`[e2e] apt-get could not install chromium: ${String(error)}`);
  }
}

/** The executable to launch, or undefined to let Playwright use its own browsers. */
export function chromiumExecutable(): string | undefined {
  const found = findInstalled();
  if (found) return found;
  tryInstall();
  return findInstalled();
}
