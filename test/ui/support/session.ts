import * as path from 'node:path';
import { startCodeServer } from '../../../scripts/codeServer/server';
import type { CodeServer } from '../../../scripts/codeServer/server';
import { workbenchUrl } from '../../../scripts/codeServer/workbenchUrl';
import { REPO_ROOT, SAMPLES_DIR } from '../../../scripts/lib/paths';
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
  /** User settings for this suite's profile (over the harness's quiet defaults). */
  userSettings?: Record<string, unknown>;
}

/** What a suite's tests use; valid from the suite's `before` to its `after`. */
export interface Session {
  readonly workbench: Workbench;
  readonly server: CodeServer;
}

/**
 * Call inside a `describe`: gives the suite its own code-server (fresh profile) and a browser page with the
 * sample workspace open and the workbench restored, and tears both down after the suite. A failed test
 * leaves a screenshot named after it in test-results/screenshots/.
 */
export function useWorkbench(options: SessionOptions = {}): Session {
  let current: { workbench: Workbench; server: CodeServer } | undefined;
  const session: Session = {
    get workbench() {
      if (!current) throw new Error('useWorkbench: the session is only available inside tests');
      return current.workbench;
    },
    get server() {
      if (!current) throw new Error('useWorkbench: the session is only available inside tests');
      return current.server;
    },
  };

  before(async function () {
    this.timeout(120_000);
    const vsix = options.load === 'vsix' ? options.vsix : undefined;
    if (options.load === 'vsix' && !vsix) throw new Error('useWorkbench: load "vsix" needs the .vsix path');
    const server = await startCodeServer({
      installVsix: vsix ? [path.resolve(vsix)] : [],
      userSettings: options.userSettings ?? {},
    });
    try {
      const browser = await sharedChromium();
      const page = await browser.context.newPage();
      const dev = vsix ? {} : { extensionDevelopmentPath: REPO_ROOT };
      await page.goto(workbenchUrl(server.baseUrl, SAMPLES_DIR, dev));
      const workbench = new Workbench(page);
      await workbench.waitUntilReady();
      current = { workbench, server };
    } catch (e) {
      await server.stop();
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
    const { workbench, server } = current;
    current = undefined;
    await workbench.page.close().catch(() => undefined);
    await server.stop();
  });

  return session;
}
