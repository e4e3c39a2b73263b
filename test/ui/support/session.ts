import * as path from 'node:path';
import { startCodeServer } from '../../../scripts/codeServer/server';
import type { CodeServer } from '../../../scripts/codeServer/server';
import { workbenchUrl } from '../../../scripts/codeServer/workbenchUrl';
import { REPO_ROOT } from '../../../scripts/lib/paths';
import { copySamples } from '../../../scripts/test/sampleWorkspace';
import type { SampleWorkspace } from '../../../scripts/test/sampleWorkspace';
import { sharedChromium } from './browser';
import { Workbench } from './workbench';

/** How a suite's workbench gets Marginalia. */
export interface SessionOptions {
  /**
   * `development` (default) loads the working tree's extension through VS Code's development mode;
   * `vsix` installs the packaged .vsix (path in `vsix`) into a fresh extensions dir, as a user would.
   */
  load?: 'development' | 'vsix';
  /** The .vsix to install when `load` is `vsix`. */
  vsix?: string;
  /** Start the workbench in Restricted Mode (an untrusted workspace), as a user who has not trusted it. */
  restricted?: boolean;
  /** User settings for this suite's profile (over the harness's quiet defaults). */
  userSettings?: Record<string, unknown>;
  /** Writes what the suite needs into its copy of samples/ before the workbench opens it (no watcher sees it made). */
  prepare?: (workspace: string) => void;
}

/** What a suite's tests use; valid from the suite's `before` to its `after`. */
export interface Session {
  readonly workbench: Workbench;
  readonly server: CodeServer;
  /** The suite's own copy of samples/, open as the workspace (tests may write into it). */
  readonly workspace: string;
}

/**
 * Call inside a `describe`: gives the suite its own code-server (fresh profile) and a browser page with the
 * sample workspace open and the workbench restored, and tears both down after the suite. A failed test
 * leaves a screenshot named after it in test-results/screenshots/.
 */
export function useWorkbench(options: SessionOptions = {}): Session {
  let current: { workbench: Workbench; server: CodeServer; workspace: SampleWorkspace } | undefined;
  const session: Session = {
    get workbench() {
      if (!current) throw new Error('useWorkbench: the session is only available inside tests');
      return current.workbench;
    },
    get server() {
      if (!current) throw new Error('useWorkbench: the session is only available inside tests');
      return current.server;
    },
    get workspace() {
      if (!current) throw new Error('useWorkbench: the session is only available inside tests');
      return current.workspace.folder;
    },
  };

  before(async function () {
    this.timeout(120_000);
    const vsix = options.load === 'vsix' ? options.vsix : undefined;
    if (options.load === 'vsix' && !vsix) throw new Error('useWorkbench: load "vsix" needs the .vsix path');
    // Each suite gets its own copy of samples/: nothing it writes reaches the repository or another suite.
    const workspace = copySamples();
    let server: CodeServer;
    try {
      options.prepare?.(workspace.folder);
      server = await startCodeServer({
        installVsix: vsix ? [path.resolve(vsix)] : [],
        userSettings: options.userSettings ?? {},
        restricted: options.restricted ?? false,
      });
    } catch (e) {
      workspace.remove();
      throw e;
    }
    try {
      const browser = await sharedChromium();
      const page = await browser.context.newPage();
      const dev = vsix ? {} : { extensionDevelopmentPath: REPO_ROOT };
      await page.goto(workbenchUrl(server.baseUrl, workspace.folder, dev));
      const workbench = new Workbench(page);
      await workbench.waitUntilReady();
      current = { workbench, server, workspace };
    } catch (e) {
      await server.stop();
      workspace.remove();
      throw e;
    }
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      const name = `FAILED ${test.fullTitle()}`.replace(/[^\w.-]+/g, '-').slice(0, 120);
      await current.workbench.screenshot(name).catch(() => undefined);
    }
  });

  after(async () => {
    if (!current) return;
    const { workbench, server, workspace } = current;
    current = undefined;
    await workbench.page.close().catch(() => undefined);
    await server.stop();
    workspace.remove();
  });

  return session;
}
