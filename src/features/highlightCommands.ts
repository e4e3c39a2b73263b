/**
 * Commands that change what is highlighted: off/on for the active document, and which kinds are shown.
 */
import * as vscode from 'vscode';
import type { MentionKind } from '../core/model/mention';
import type { Command } from './command';
import type { DecorationController } from './decorations';
import { kindGroup } from './kindNames';
import { EDITOR_KINDS, readSettings, setEnabledKinds } from './settings';

/** A kind's line in the picker: its group's title, said more fully where the group's name alone is unclear. */
function kindTitle(kind: MentionKind): string {
  if (kind === 'person') return vscode.l10n.t('People (named, not speaking)');
  if (kind === 'custom') return vscode.l10n.t('Manual annotations with a custom label');
  return kindGroup(kind);
}

export function highlightCommands(decorations: DecorationController): Command[] {
  return [
    {
      id: 'marginalia.toggleHighlights',
      execute: () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor) return;
        const on = decorations.toggleDocument(editor.document.uri);
        void vscode.window.setStatusBarMessage(
          on ? vscode.l10n.t('Marginalia: highlights on for this document') : vscode.l10n.t('Marginalia: highlights off for this document'),
          3000,
        );
      },
    },
    {
      id: 'marginalia.toggleKind',
      /** With a kind argument, flips that kind; without, asks which kinds to show. */
      execute: async (kind?: unknown) => {
        const enabled = new Set(readSettings().kinds);
        if (typeof kind === 'string' && (EDITOR_KINDS as readonly string[]).includes(kind)) {
          const k = kind as MentionKind;
          if (enabled.has(k)) enabled.delete(k);
          else enabled.add(k);
          await setEnabledKinds(enabled);
          return;
        }
        const items: Array<vscode.QuickPickItem & { value: MentionKind }> = EDITOR_KINDS.map((k) => ({
          label: kindTitle(k),
          value: k,
          picked: enabled.has(k),
        }));
        const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Marginalia: kinds to highlight and list') });
        if (picked) await setEnabledKinds(picked.map((p) => p.value));
      },
    },
  ];
}
