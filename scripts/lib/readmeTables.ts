/**
 * The README's tables of commands, settings and keys, made from package.json and package.nls.json so that they
 * cannot drift from the manifest. `npx tsx scripts/readmeTables.ts --write` rewrites them in README.md; the unit
 * layer (test/unit/foundation/readmeTables.test.ts) fails when README.md differs from what this makes.
 */

export const TABLES = ['commands', 'settings', 'keys'] as const;
export type TableName = (typeof TABLES)[number];

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { default?: unknown; markdownDescription?: string; description?: string }> };
    keybindings: { command: string; key: string; mac?: string; win?: string; linux?: string }[];
    menus?: { commandPalette?: { command: string; when?: string }[] };
  };
}

function resolve(value: string, nls: Record<string, string>): string {
  const m = /^%(.+)%$/.exec(value);
  if (!m) return value;
  const text = nls[m[1]];
  if (text === undefined) throw new Error(`package.nls.json has no "${m[1]}" (named in package.json)`);
  return text;
}

/** One table cell: one line, pipes escaped, VS Code's `#setting#` links shown as the setting's name. */
function cell(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '$1')
    .replace(/`#([\w.]+)#`/g, '`$1`')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** 'ctrl+k a s' as 'Ctrl+K A S'. */
export function keyLabel(key: string): string {
  const names: Record<string, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', cmd: 'Cmd', meta: 'Meta', enter: 'Enter', backspace: 'Backspace', delete: 'Delete' };
  return key
    .split(' ')
    .map((chord) => chord.split('+').map((p) => names[p] ?? p.toUpperCase()).join('+'))
    .join(' ');
}

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function readmeTables(pkg: Manifest, nls: Record<string, string>): Record<TableName, string> {
  const c = pkg.contributes;
  const title = (id: string): string => {
    const command = c.commands.find((x) => x.command === id);
    if (!command) throw new Error(`package.json binds a key to ${id}, which contributes.commands does not declare`);
    return resolve(command.title, nls);
  };
  const hidden = new Set((c.menus?.commandPalette ?? []).filter((m) => m.when === 'false').map((m) => m.command));
  const keyOf = (id: string): string => {
    const k = c.keybindings.find((x) => x.command === id);
    return k ? `\`${keyLabel(k.win ?? k.key)}\`` : '';
  };
  const commands = table(
    ['Command', 'Keys (Windows, Linux)', 'ID'],
    c.commands.filter((x) => !hidden.has(x.command)).map((x) => [cell(`${resolve(x.category ?? '', nls)}: ${resolve(x.title, nls)}`), keyOf(x.command), `\`${x.command}\``]),
  );
  const settings = table(
    ['Setting', 'Default', 'Description'],
    Object.entries(c.configuration.properties).map(([id, p]) => [
      `\`${id}\``,
      `\`${JSON.stringify(p.default)}\``,
      cell(resolve(p.markdownDescription ?? p.description ?? '', nls)),
    ]),
  );
  const keys = table(
    ['Command', 'Windows', 'Linux', 'macOS'],
    c.keybindings.map((k) => [cell(title(k.command)), `\`${keyLabel(k.win ?? k.key)}\``, `\`${keyLabel(k.linux ?? k.key)}\``, `\`${keyLabel(k.mac ?? k.key)}\``]),
  );
  return { commands, settings, keys };
}

const marker = (name: TableName, end: boolean): string => `<!-- ${end ? '/' : ''}generated:${name} (npx tsx scripts/readmeTables.ts --write) -->`;

/** The README with each table between its markers replaced; throws naming a missing marker. */
export function withTables(readme: string, tables: Record<TableName, string>): string {
  let out = readme;
  for (const name of TABLES) {
    const [start, end] = [marker(name, false), marker(name, true)];
    const a = out.indexOf(start);
    const b = out.indexOf(end);
    if (a < 0 || b < a) throw new Error(`README.md: no "${start}" ... "${end}" block for the ${name} table`);
    out = `${out.slice(0, a + start.length)}\n${tables[name]}\n${out.slice(b)}`;
  }
  return out;
}

export function emptyBlocks(): string {
  return TABLES.map((n) => `${marker(n, false)}\n${marker(n, true)}`).join('\n\n');
}
