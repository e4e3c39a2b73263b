import { closeSharedChromium } from './browser';

/**
 * Root hooks for the UI run (loaded through test/ui/.mocharc.json): the shared browser closes after the
 * last suite. Servers belong to their suites (see useWorkbench).
 */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedChromium();
  },
};
