import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../support/editor';

/** What `marginalia.internal.decorations` reports for a document. */
export interface AppliedDecorations {
  ranges: Record<string, number[][]>;
  notes: { line: number; text: string }[];
  rulerMarks: boolean;
  visibleOnly: boolean;
  /** Only the part of a long document seen first was analysed when these were applied. */
  firstPart: boolean;
  applyMs: number;
}

export interface TreeRow {
  id: string;
  label: string;
  description: string | undefined;
  command: unknown[] | undefined;
}

/** Waits until the workspace scan and pending edits are done. */
export async function whenIdle(): Promise<number> {
  return (await vscode.commands.executeCommand<number>('marginalia.internal.whenIdle')) ?? 0;
}

export async function decorationsOf(document: vscode.TextDocument): Promise<AppliedDecorations | undefined> {
  return vscode.commands.executeCommand<AppliedDecorations | undefined>('marginalia.internal.decorations', document.uri.toString());
}

/** Waits for decorations of `document` that satisfy `condition`, and returns them. */
export async function waitForDecorations(
  document: vscode.TextDocument,
  condition: (d: AppliedDecorations) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<AppliedDecorations> {
  let last: AppliedDecorations | undefined;
  await waitFor(async () => {
    last = await decorationsOf(document);
    return last !== undefined && condition(last);
  }, what, timeoutMs);
  return last as AppliedDecorations;
}

export async function treeChildren(viewId: string, path: string[] = []): Promise<TreeRow[]> {
  const rows = await vscode.commands.executeCommand<TreeRow[] | undefined>('marginalia.internal.treeChildren', viewId, path);
  assert.ok(rows, `tree path ${path.join(' > ')} exists in ${viewId}`);
  return rows;
}

/** The position of the n-th occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 1, nth = 0): vscode.Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${nth} is in ${document.uri.path}`);
  }
  return document.positionAt(at + delta);
}

/** The text each range covers. */
export function textsOf(document: vscode.TextDocument, ranges: number[][] | undefined): string[] {
  return (ranges ?? []).map(([sl, sc, el, ec]) => document.getText(new vscode.Range(sl, sc, el, ec)));
}

/** All hover card Markdown at a position, joined. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<{ text: string; hovers: vscode.Hover[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  return { text, hovers };
}
