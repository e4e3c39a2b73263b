/**
 * "Add alias..." and "Merge with..." on a person in the entity views: both write the workspace lexicon
 * (`.marginalia/lexicon.yaml`, or the configured path), whose watcher then has every document analysed again, so
 * the names become one person everywhere. Nothing is kept here: the lexicon file is the record.
 */
import * as vscode from 'vscode';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { addPersonAliases } from '../core/lexicon/lexiconEdit';
import type { Command } from './command';
import type { TreeNode } from './entityTreeProvider';
import { readSettings } from './settings';
import { safeRelativePath } from './trustedSettings';

interface PersonRef {
  id: string;
  name: string;
  aliases: string[];
}

/** The person a command was given: a tree node, or an entity id (tests, keybindings). */
function personOf(index: WorkspaceIndex, arg: unknown): PersonRef | undefined {
  const node = arg as Partial<TreeNode> | undefined;
  const raw = typeof arg === 'string' ? arg : node?.type === 'entity' ? node.key : undefined;
  if (raw === undefined || !raw.startsWith('person:')) return undefined;
  const id = index.canonicalKey(raw);
  const entity = index.entity(id);
  return { id, name: entity?.name ?? index.displayName(id), aliases: entity?.aliases ?? [] };
}

/** The lexicon file of the workspace folder the person is first mentioned in (else the first folder). */
function lexiconFileFor(index: WorkspaceIndex, id: string): { file: vscode.Uri; relative: string } | undefined {
  const first = index.firstMention(id);
  const folder = (first && vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(first.uri))) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const relative = safeRelativePath(readSettings(folder.uri).lexiconPath);
  return relative ? { file: vscode.Uri.joinPath(folder.uri, relative), relative } : undefined;
}

async function writeAliases(index: WorkspaceIndex, person: PersonRef, aliases: string[]): Promise<boolean> {
  const target = lexiconFileFor(index, person.id);
  if (!target) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia: no workspace folder with a usable lexicon path to write the alias to.'));
    return false;
  }
  let text = '';
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(target.file));
  } catch {
    // No lexicon yet: this makes it.
  }
  try {
    const edited = addPersonAliases(text, person, aliases, target.relative, vscode.l10n);
    await vscode.workspace.fs.writeFile(target.file, new TextEncoder().encode(edited));
    return true;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia: {0}', e instanceof Error ? e.message : String(e)));
    return false;
  }
}

/** People the index lists (speakers and people named), each once, without `exceptId`. */
function otherPeople(index: WorkspaceIndex, exceptId: string): Array<{ id: string; name: string; count: number }> {
  const byId = new Map<string, { id: string; name: string; count: number }>();
  for (const kind of ['speaker', 'person'] as const) {
    for (const e of index.entitiesOfKind(kind)) {
      if (!e.id.startsWith('person:') || e.id === exceptId) continue;
      const held = byId.get(e.id);
      if (held) held.count += e.count;
      else byId.set(e.id, { id: e.id, name: e.name, count: e.count });
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function words(name: string): number {
  return name.trim().split(/\s+/).length;
}

export function personCommands(index: WorkspaceIndex): Command[] {
  return [
    {
      id: 'marginalia.addPersonAlias',
      /** With a string second argument (tests), adds that alias without asking. */
      execute: async (arg?: unknown, given?: unknown) => {
        const person = personOf(index, arg);
        if (!person) return false;
        const alias =
          typeof given === 'string'
            ? given
            : await vscode.window.showInputBox({
                prompt: vscode.l10n.t('Another name for {0} (written to the workspace lexicon)', person.name),
                placeHolder: vscode.l10n.t('e.g. a spelling, a nickname, a name with initials'),
                validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('Type a name') : undefined),
              });
        if (alias === undefined || alias.trim() === '') return false;
        return writeAliases(index, person, [alias]);
      },
    },
    {
      id: 'marginalia.mergePerson',
      /** With an entity id as second argument (tests), merges with that person without asking. */
      execute: async (arg?: unknown, given?: unknown) => {
        const person = personOf(index, arg);
        if (!person) return false;
        let otherId = typeof given === 'string' ? given : undefined;
        if (otherId === undefined) {
          const picked = await vscode.window.showQuickPick(
            otherPeople(index, person.id).map((p) => ({ label: p.name, description: `${p.count}`, detail: p.id, id: p.id })),
            { placeHolder: vscode.l10n.t('The person {0} is the same as', person.name), matchOnDetail: true },
          );
          otherId = picked?.id;
        }
        const other = otherId === undefined ? undefined : personOf(index, otherId);
        if (!other || other.id === person.id) return false;
        // The fuller name is the one kept; the other and its spellings become its aliases.
        const [kept, merged] = words(other.name) > words(person.name) ? [other, person] : [person, other];
        return writeAliases(index, kept, [merged.name, ...merged.aliases]);
      },
    },
  ];
}
