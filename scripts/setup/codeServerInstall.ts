import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { StdioOptions } from 'node:child_process';
import { CACHE_DIR, CODE_SERVER_VERSION } from '../lib/paths';
import { run } from '../lib/run';
import { ensureSystemPackages, RIPGREP } from './systemPackages';

const INSTALL_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(INSTALL_DIR, '.installed');
/** One npm step of the install takes about a minute on a slow line; a step still running after this has stalled. */
const NPM_STEP_TIMEOUT_MS = 240_000;
const NPM_ATTEMPTS = 3;

/** code-server's Node entry point inside the cached install. */
export const CODE_SERVER_ENTRY = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * Installs code-server into the git-ignored cache, offline-safe, following
 * ../shared/docs/real-vscode-offline.md step by step: its postinstall downloads ripgrep from GitHub, so it is
 * skipped (`--ignore-scripts`) and its steps are done by hand with Debian's ripgrep. A marker file written
 * last makes a cached run cost one `existsSync`; an interrupted install is redone from scratch.
 * @param logFile where npm's output goes (default: this process's output); `npm test` installs while the
 *   unit tests run and keeps their output readable.
 * @returns the path of `entry.js`.
 */
export async function ensureCodeServer(logFile?: string): Promise<string> {
  if (fs.existsSync(MARKER) && fs.existsSync(CODE_SERVER_ENTRY)) return CODE_SERVER_ENTRY;
  await ensureSystemPackages([RIPGREP]);
  const started = Date.now();
  console.log(`[setup] installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), INSTALL_DIR)}`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), '{ "private": true }\n');

  // node-gyp would otherwise download Node's headers; Debian's nodejs ships them under /usr/include/node.
  const env = { ...process.env, npm_config_nodedir: '/usr', npm_config_yes: 'true' };
  const quiet = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  const out = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  const stdio: StdioOptions = ['ignore', out, out];
  // A registry connection can stall without ever timing out in npm (seen here: an install idle for ten minutes on
  // an open socket). Every step is idempotent, so a stalled or failed one is stopped and tried again, a few times.
  const npm = async (cwd: string, args: string[]): Promise<void> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run('npm', [...args, '--fetch-timeout=60000'], { cwd, env, stdio, timeoutMs: NPM_STEP_TIMEOUT_MS });
      } catch (e) {
        if (attempt >= NPM_ATTEMPTS) throw e;
        console.log(`[setup] ${e instanceof Error ? e.message : String(e)}; trying again (${attempt + 1} of ${NPM_ATTEMPTS})`);
      }
    }
  };

  await npm(INSTALL_DIR, ['install', ...quiet, `code-server@${CODE_SERVER_VERSION}`]);
  // argon2 is loaded at startup even with --auth none.
  await npm(INSTALL_DIR, ['rebuild', 'argon2', '--build-from-source']);

  const vscodeDir = path.join(INSTALL_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
  await npm(vscodeDir, ['install', ...quiet, '--omit=dev']);
  const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgDir, { recursive: true });
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  symlink(rg, path.join(rgDir, 'rg'));
  await npm(vscodeDir, ['rebuild', '@vscode/spdlog', 'native-watchdog']);
  await npm(path.join(vscodeDir, 'extensions'), ['install', ...quiet, '--omit=dev']);
  symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

  // A scratch XDG_CONFIG_HOME: otherwise code-server writes a default config under $HOME.
  const xdg = fs.mkdtempSync(path.join(CACHE_DIR, 'version-'));
  const output = execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg },
  });
  fs.rmSync(xdg, { recursive: true, force: true });
  const version = output.split('\n').find((l) => l.startsWith(CODE_SERVER_VERSION));
  if (!version) throw new Error(`code-server --version printed: ${output}`);
  if (typeof out === 'number') fs.closeSync(out);
  fs.writeFileSync(MARKER, `${version}\n`);
  console.log(`[setup] code-server ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${version}`);
  return CODE_SERVER_ENTRY;
}

/** `ln -sfn target link`. */
function symlink(target: string, link: string): void {
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}
