import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The messages of the extension's l10n bundle, read from the source as @vscode/l10n-dev's `export` reads it:
 * the first argument of every `l10n.t(...)` call (the editor's `vscode.l10n.t`, and the core's messages port,
 * which is mostly named `l10n`; any other `.t(...)` too, such as `(o.l10n ?? ENGLISH).t(...)`), plus the core
 * timeline's `say(...)`, which the timeline panel answers with `vscode.l10n.t`. A call whose message is not a plain string literal cannot be found in the bundle: it is listed
 * as dynamic, with its file and line.
 */
export interface FoundMessages {
  messages: string[];
  dynamic: string[];
}

// `.t(` on any receiver, so that a message called as `(options.l10n ?? ENGLISH).t('...')` is found too.
const CALL = /(?:\b\w+|\))\.t\(\s*|\bsay\(\s*/g;
const LITERAL = /^(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.|\$(?!\{))*)`)\s*[,)]/;

/** The value of a string literal's body, with its escapes (\u2026, \', \n) read as JavaScript reads them. */
function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' || e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

/** Every message under `srcDir`, sorted and once each; comments are skipped. */
export function findMessages(srcDir: string): FoundMessages {
  const found = new Set<string>();
  const dynamic: string[] = [];
  for (const file of sources(srcDir)) {
    // Comments blanked (keeping line numbers), so that an example in a comment is not a message.
    const code = fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
      .replace(/^\s*\/\/.*$/gm, (c) => c.replace(/[^\n]/g, ' '));
    for (const call of code.matchAll(CALL)) {
      const at = (call.index ?? 0) + call[0].length;
      // A declaration of the port itself (`t(message: string, ...)`, `say: (message...`) is no call.
      if (/^[\w.]+\s*:/.test(code.slice(at))) continue;
      const m = LITERAL.exec(code.slice(at));
      if (m) found.add(unescape(m[1] ?? m[2] ?? m[3] ?? ''));
      else dynamic.push(`${path.relative(srcDir, file)}:${code.slice(0, at).split('\n').length}`);
    }
  }
  return { messages: [...found].sort(), dynamic };
}

/** The bundle's text: every message mapped to itself (English is the messages' own language). */
export function bundleText(messages: readonly string[]): string {
  return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, 2)}\n`;
}
