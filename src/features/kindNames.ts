/**
 * The kinds' names through vscode.l10n, so that a translation names a kind in its own language rather than with
 * its code: inside a sentence ("Accept speaker ...", "Orphaned date annotation ...") and as a group's title.
 */
import * as vscode from 'vscode';
import type { MentionKind } from '../core/model/mention';

/** Each kind's noun and group title; functions, so that each is l10n.t's literal message. */
const NAMES: Record<MentionKind, () => { noun: string; group: string }> = {
  speaker: () => ({ noun: vscode.l10n.t('speaker'), group: vscode.l10n.t('Speakers') }),
  date: () => ({ noun: vscode.l10n.t('date'), group: vscode.l10n.t('Dates') }),
  treaty: () => ({ noun: vscode.l10n.t('treaty'), group: vscode.l10n.t('Treaties') }),
  person: () => ({ noun: vscode.l10n.t('person'), group: vscode.l10n.t('People') }),
  custom: () => ({ noun: vscode.l10n.t('custom'), group: vscode.l10n.t('Annotations') }),
  quote: () => ({ noun: vscode.l10n.t('quote'), group: vscode.l10n.t('Quotes') }),
};

/** The kind inside a sentence: "speaker". */
export function kindNoun(kind: MentionKind): string {
  return NAMES[kind]().noun;
}

/** The title of a group of the kind's entities: "Speakers". */
export function kindGroup(kind: MentionKind): string {
  return NAMES[kind]().group;
}
