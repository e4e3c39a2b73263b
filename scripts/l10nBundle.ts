/**
 * `npm run l10n`: writes l10n/bundle.l10n.json, the English bundle of every message the extension shows through
 * `vscode.l10n` (its own and the core's, see scripts/lib/l10nMessages.ts). Translators copy it to
 * `bundle.l10n.<locale>.json` and translate the values. A unit test (test/unit/foundation/uiStrings.test.ts)
 * fails when a message is missing from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleText, findMessages } from './lib/l10nMessages';
import { REPO_ROOT } from './lib/paths';

const { messages, dynamic } = findMessages(path.join(REPO_ROOT, 'src'));
const out = path.join(REPO_ROOT, 'l10n', 'bundle.l10n.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, bundleText(messages));
console.log(`${path.relative(REPO_ROOT, out)}: ${messages.length} messages`);
if (dynamic.length > 0) console.log(`messages not written as a literal (not in the bundle): ${dynamic.join(', ')}`);
