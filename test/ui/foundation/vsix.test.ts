import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { useWorkbench } from '../support/session';
import { vsixPath } from '../support/vsix';

describe('foundation: the packaged .vsix installed with --install-extension', () => {
  const session = useWorkbench({ load: 'vsix', vsix: vsixPath() });

  it('lands in the fresh extensions dir', () => {
    const installed = fs.readdirSync(session.server.extensionsDir);
    assert.ok(
      installed.some((d) => d.startsWith('marginalia-dev.marginalia-')),
      `extensions dir holds: ${installed.join(', ')}`,
    );
  });

  it('shows the Marginalia icon in the activity bar', async () => {
    await session.workbench.activityBarItem('Marginalia').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('runs "Marginalia: Show Version" from the Command Palette and shows its notification', async () => {
    const { workbench } = session;
    await workbench.openFile('news-report.txt');
    await workbench.runCommand('Marginalia: Show Version');
    await workbench.notification(/Marginalia \d+\.\d+\.\d+/).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await workbench.screenshot('vsix-show-version');
  });
});
