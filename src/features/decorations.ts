/**
 * Highlights mentions in every visible editor of a served document. Decoration types are created once per kind
 * (theme colours, no per-range styles) and each update makes one `setDecorations` call per type. Two guards keep
 * VS Code fast on huge documents (microsoft/vscode#202154): above `highlight.largeDocumentThreshold` characters
 * only the visible lines plus a margin are decorated (re-done as the user scrolls), and above
 * `highlight.overviewRulerLimit` mentions the overview-ruler marks are dropped (types without a ruler are used).
 */
import * as vscode from 'vscode';
import type { HighlightKind, MentionKind } from '../core/model/mention';
import { lastStartingAtOrBefore } from '../core/index/sortedMentions';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { DocumentModelService } from './documentModel';
import { isServed } from './servedDocuments';
import { KIND_STYLES, MANUAL_MARKER, type RulerLane } from './kindStyles';
import { EDITOR_KINDS, affectsMarginalia, readSettings } from './settings';

/** Lines decorated above and below the visible range of a large document. */
export const VISIBLE_MARGIN_LINES = 150;

/** What was last applied to an editor, for the test API (VS Code cannot read decorations back). */
export interface AppliedDecorations {
  uri: string;
  ranges: Partial<Record<MentionKind | 'manual', vscode.Range[]>>;
  /** The notes shown at the end of lines (0-based line, text as shown). */
  notes: { line: number; text: string }[];
  rulerMarks: boolean;
  visibleOnly: boolean;
  /** Only the part of a long document the user sees first is analysed yet (see openInSteps.ts). */
  firstPart: boolean;
  applyMs: number;
}

type Styled = HighlightKind | 'manual';
const STYLED: readonly Styled[] = [...EDITOR_KINDS, 'manual'];

export class DecorationController implements vscode.Disposable {
  private readonly withRuler = new Map<Styled, vscode.TextEditorDecorationType>();
  private readonly withoutRuler = new Map<Styled, vscode.TextEditorDecorationType>();
  private readonly noteType = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('marginalia.noteForeground'), fontStyle: 'italic', margin: '0 0 0 2em' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedOpen,
  });
  private readonly disabledDocuments = new Set<string>();
  private readonly applied = new Map<vscode.TextEditor, AppliedDecorations>();
  /** The documents of the visible editors, as of the last {@link refreshAll} (VS Code reports every change). */
  private visibleUris = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly model: DocumentModelService,
  ) {
    for (const kind of STYLED) {
      this.withRuler.set(kind, vscode.window.createTextEditorDecorationType(styleFor(kind, true)));
      this.withoutRuler.set(kind, vscode.window.createTextEditorDecorationType(styleFor(kind, false)));
    }
    this.subscriptions.push(
      model.onDidUpdate((u) => this.refreshUri(u.uri), this),
      model.onDidAnalyseFirstPart((uri) => this.refreshUri(uri), this),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll(), this),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e.textEditor), this),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsMarginalia(e, 'highlight', 'kinds', 'annotations.showNotes')) this.refreshAll();
      }, this),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext(), this),
    );
    this.refreshAll();
  }

  /** Turns highlighting off (or back on) for one document; returns whether it is now on. */
  toggleDocument(uri: vscode.Uri): boolean {
    const key = uri.toString();
    const on = this.disabledDocuments.has(key);
    if (on) this.disabledDocuments.delete(key);
    else this.disabledDocuments.add(key);
    this.refreshUri(key);
    this.updateContext();
    return on;
  }

  /** What is decorated in the visible editors of a document (first such editor). */
  appliedFor(uri: string): AppliedDecorations | undefined {
    for (const [editor, applied] of this.applied) if (editor.document.uri.toString() === uri) return applied;
    return undefined;
  }

  refreshAll(): void {
    for (const editor of [...this.applied.keys()]) if (!vscode.window.visibleTextEditors.includes(editor)) this.applied.delete(editor);
    this.visibleUris = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const editor of vscode.window.visibleTextEditors) this.apply(editor);
    this.updateContext();
  }

  private refreshUri(uri: string): void {
    // Called for every indexed document (a scan updates a thousand): most are not in any visible editor.
    if (!this.visibleUris.has(uri)) return;
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri) this.apply(editor);
  }

  private onScroll(editor: vscode.TextEditor): void {
    if (!this.applied.get(editor)?.visibleOnly) return;
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    this.scrollTimer = setTimeout(() => this.apply(editor), 30);
  }

  private apply(editor: vscode.TextEditor): void {
    const started = performance.now();
    const document = editor.document;
    const uri = document.uri.toString();
    const settings = readSettings(document.uri);
    // While a long document opens, the part analysed first; it supersedes what the index may hold from a scan.
    const firstPart = this.model.firstPartOf(uri);
    const mentions = firstPart ?? this.index.document(uri)?.mentions;
    const ranges = new Map<Styled, vscode.Range[]>(STYLED.map((k) => [k, []]));
    const on = settings.highlightEnabled && !this.disabledDocuments.has(uri) && isServed(document) && mentions !== undefined;
    let visibleOnly = false;
    const notes = new Map<number, string[]>();
    let count = 0;
    if (on && mentions) {
      let from = 0;
      let to = mentions.length;
      // The document's length without materialising its text (getText() copies megabytes on large files).
      const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
      if (length > settings.largeDocumentThreshold && editor.visibleRanges.length > 0) {
        visibleOnly = true;
        const first = Math.max(0, editor.visibleRanges[0].start.line - VISIBLE_MARGIN_LINES);
        const last = Math.min(document.lineCount - 1, editor.visibleRanges[editor.visibleRanges.length - 1].end.line + VISIBLE_MARGIN_LINES);
        const startOffset = document.offsetAt(new vscode.Position(first, 0));
        const endOffset = document.offsetAt(document.lineAt(last).range.end);
        from = Math.max(0, lastStartingAtOrBefore(mentions, startOffset));
        to = lastStartingAtOrBefore(mentions, endOffset) + 1;
      }
      for (let i = from; i < to; i++) {
        const m = mentions[i];
        if (m.kind === 'quote' || !settings.kinds.has(m.kind) || m.end > length) continue;
        const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
        ranges.get(m.kind)?.push(range);
        if (m.source === 'manual') ranges.get('manual')?.push(range);
        const note = m.source === 'manual' && settings.showNotes ? m.attributes?.note : undefined;
        if (note) notes.set(range.end.line, [...(notes.get(range.end.line) ?? []), note]);
        count++;
      }
    }
    const rulerMarks = count <= settings.overviewRulerLimit;
    for (const kind of STYLED) {
      const list = ranges.get(kind) ?? [];
      editor.setDecorations((rulerMarks ? this.withRuler : this.withoutRuler).get(kind) as vscode.TextEditorDecorationType, list);
      editor.setDecorations((rulerMarks ? this.withoutRuler : this.withRuler).get(kind) as vscode.TextEditorDecorationType, []);
    }
    const shownNotes = [...notes].map(([line, list]) => ({ line, text: noteText(list) }));
    editor.setDecorations(
      this.noteType,
      shownNotes.map((n) => ({ range: document.lineAt(n.line).range.with({ start: document.lineAt(n.line).range.end }), renderOptions: { after: { contentText: n.text } } })),
    );
    this.applied.set(editor, {
      uri,
      notes: shownNotes,
      ranges: Object.fromEntries(ranges) as AppliedDecorations['ranges'],
      rulerMarks,
      visibleOnly,
      firstPart: firstPart !== undefined,
      applyMs: performance.now() - started,
    });
  }

  private updateContext(): void {
    const editor = vscode.window.activeTextEditor;
    const off = editor !== undefined && this.disabledDocuments.has(editor.document.uri.toString());
    void vscode.commands.executeCommand('setContext', 'marginalia.highlightsOffForDocument', off);
  }

  dispose(): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    vscode.Disposable.from(...this.subscriptions, ...this.withRuler.values(), ...this.withoutRuler.values(), this.noteType).dispose();
  }
}

/** Longest note text shown at the end of a line; the hover card has the whole note. */
const MAX_NOTE_CHARS = 80;

/** The notes of one line as shown after it: a pencil, then the notes, one line, shortened. */
function noteText(notes: string[]): string {
  const text = notes.join(' \u00b7 ').replace(/\s+/g, ' ').trim();
  return `${MANUAL_MARKER} ${text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS - 1)}\u2026` : text}`;
}

const LANES: Record<RulerLane, vscode.OverviewRulerLane> = {
  left: vscode.OverviewRulerLane.Left,
  center: vscode.OverviewRulerLane.Center,
  right: vscode.OverviewRulerLane.Right,
};

function styleFor(kind: Styled, ruler: boolean): vscode.DecorationRenderOptions {
  if (kind === 'manual') {
    // Manual annotations keep their kind's look and gain a neutral pencil after the text (no outline that reads
    // as an error); their ruler mark fills the whole width, over the kind's own lane.
    return {
      after: { contentText: MANUAL_MARKER, color: new vscode.ThemeColor('marginalia.manualBorder'), margin: '0 0 0 1px' },
      overviewRulerColor: ruler ? new vscode.ThemeColor('marginalia.manualBorder') : undefined,
      overviewRulerLane: vscode.OverviewRulerLane.Full,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    };
  }
  const style = KIND_STYLES[kind];
  return {
    backgroundColor: new vscode.ThemeColor(`marginalia.${kind}Background`),
    borderWidth: style.width,
    borderStyle: style.line,
    borderColor: new vscode.ThemeColor(`marginalia.${kind}Border`),
    overviewRulerColor: ruler ? new vscode.ThemeColor(`marginalia.${kind}Border`) : undefined,
    overviewRulerLane: LANES[style.lane],
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  };
}
