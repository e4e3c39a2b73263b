import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { spawnGroup, stopGroup, trackTempDir } from '../lib/processGroups';
import { ensureCodeServer } from '../setup/codeServerInstall';
import { freePort } from './freePort';
import { QUIET_USER_SETTINGS, RESTRICTED_SETTINGS } from './settings';

/** How to start an isolated code-server. */
export interface ServerOptions {
  /** Extra environment for the server; the extension host inherits it (e.g. a results-file path). */
  env?: Record<string, string>;
  /** .vsix files to install into the fresh extensions dir before starting (`--install-extension`). */
  installVsix?: string[];
  /** Settings merged over {@link QUIET_USER_SETTINGS}. */
  userSettings?: Record<string, unknown>;
  /** Port to bind; a free one when absent. */
  port?: number;
  /**
   * Open folders in Restricted Mode: workspace trust stays on and the folder is never trusted (no prompt).
   * By default trust is off, so every folder is trusted.
   */
  restricted?: boolean;
  /** Echo the server's output (for `npm start`); otherwise it goes to ROOT/server.log only. */
  echo?: boolean;
}

/** A running code-server with its own throwaway profile. */
export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT/` */
  readonly baseUrl: string;
  /** The temp root holding user-data, extensions, XDG dirs and the log. */
  readonly root: string;
  /** The fresh extensions dir (where `installVsix` went). */
  readonly extensionsDir: string;
  /** The server's output so far (for failure messages). */
  log(): string;
  /** Stops the server's process group and deletes its temp root. */
  stop(): Promise<void>;
}

const READY_LINE = 'HTTP server listening on';
const START_TIMEOUT_MS = 60_000;

/**
 * Starts code-server on 127.0.0.1 in a fresh temp root (user data, extensions, XDG dirs), as the leader of
 * its own process group, and resolves once it listens. Installs code-server first when it is not cached.
 */
export async function startCodeServer(options: ServerOptions = {}): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-cs-'));
  trackTempDir(root);
  const dirs = {
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    xdgData: path.join(root, 'xdg-data'),
    xdgConfig: path.join(root, 'xdg-config'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_USER_SETTINGS, ...(options.restricted ? RESTRICTED_SETTINGS : {}), ...options.userSettings }, undefined, 2),
  );
  const env = { ...process.env, XDG_DATA_HOME: dirs.xdgData, XDG_CONFIG_HOME: dirs.xdgConfig, ...options.env };
  const common = ['--config', path.join(root, 'config.yaml'), '--user-data-dir', dirs.userData];
  common.push('--extensions-dir', dirs.extensions);

  for (const vsix of options.installVsix ?? []) {
    await promisify(execFile)(process.execPath, [entry, ...common, '--install-extension', vsix], {
      env,
      timeout: 120_000,
    });
  }

  const port = options.port ?? (await freePort());
  const args = [entry, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none'];
  args.push('--disable-telemetry', '--disable-update-check');
  if (!options.restricted) args.push('--disable-workspace-trust');
  args.push('--disable-getting-started-override', '--ignore-last-opened');
  args.push('--session-socket', path.join(root, 'session.sock'));
  const child = spawnGroup(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const pgid = child.pid;
  const logFile = fs.createWriteStream(path.join(root, 'server.log'));
  let output = '';
  let stopped = false;

  const server: CodeServer = {
    port,
    baseUrl: `http://127.0.0.1:${port}/`,
    root,
    extensionsDir: dirs.extensions,
    log: () => output,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (pgid !== undefined) await stopGroup(pgid);
      logFile.end();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`code-server did not listen within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      void server.stop().finally(() => reject(new Error(`${e.message}\n--- code-server output ---\n${output}`)));
    };
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      logFile.write(text);
      if (options.echo) process.stdout.write(text);
      if (output.includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', fail);
    child.once('exit', (code, signal) => {
      if (!stopped) fail(new Error(`code-server exited early (${code ?? signal})`));
    });
  });
  return server;
}
