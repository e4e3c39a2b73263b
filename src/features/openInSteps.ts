/**
 * The first analysis of a long document opened in the editor runs in steps between the extension host's turns
 * (time slices): the open, the workbench showing the document and the user's first keys go on meanwhile instead
 * of waiting for the whole analysis (documentModel.ts decides what supersedes it). The blocks the user sees are
 * analysed first and decorated at once; hovers, the trees and the rest of the decorations follow when the whole
 * text is analysed and indexed. A document the scan indexed with the same text shows the scan's analysis at once,
 * and is analysed (for the edits to come) only once the open is over.
 */
import * as vscode from 'vscode';
import type { AnalysisSteps, DocumentAnalyzer } from '../core/analyze';

/** From this length (characters) the first analysis of an opened document runs in steps. */
export const OPEN_IN_STEPS_CHARS = 100_000;
/** The longest step before the editor gets a turn. */
const OPEN_SLICE_MS = 12;
/**
 * How long a document the scan indexed as it is waits, once an editor shows it, before its own analysis begins:
 * the workbench is still busy with it, and slices of analysis on the extension host's thread delayed that.
 */
export const ANALYSE_INDEXED_AFTER_MS = 400;
/** The longest such a document waits for an editor to show it (one opened without an editor waits that long). */
const SHOWN_WAIT_MS = 3000;
/** Lines analysed first around what the user sees; when no editor shows the document yet, its first lines. */
const FIRST_MARGIN_LINES = 40;
const FIRST_SCREEN_LINES = 80;
/** At most this many characters are analysed first, for a screen of very long lines. */
const FIRST_MAX_CHARS = 40_000;

/** A long document's first analysis while it runs in steps. */
export interface Opening {
  /** The analyzer the steps belong to: when the document's analyzer was renewed meanwhile, they are stale. */
  readonly analyzer: DocumentAnalyzer;
  readonly steps: AnalysisSteps;
  readonly text: string;
  readonly version: number;
  /** When its steps began (performance.now()), for the model's timings. */
  started: number;
  /** Settles when the steps have run or the opening was given up. */
  done?: Promise<void>;
}

/**
 * Steps made on first use: splitting a megabyte into blocks and finding its date is work too, which a document
 * shown from the scan's analysis need not do while it opens.
 */
export function lazySteps(make: () => AnalysisSteps): AnalysisSteps {
  let steps: AnalysisSteps | undefined;
  const made = (): AnalysisSteps => (steps ??= make());
  return { step: () => made().step(), firstMentions: () => made().firstMentions(), finish: () => made().finish() };
}

/** True when `document` is long enough to be analysed in steps (measured without copying its text). */
export function opensInSteps(document: vscode.TextDocument): boolean {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > OPEN_IN_STEPS_CHARS;
}

/** The range of offsets of `document` the user sees first: an editor's visible lines with a margin, else its start. */
export function firstSeen(document: vscode.TextDocument): { start: number; end: number } {
  const ranges = vscode.window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges ?? [];
  const top = ranges.length > 0 ? ranges[0].start.line : 0;
  const bottom = ranges.length > 0 ? ranges[ranges.length - 1].end.line : FIRST_SCREEN_LINES;
  const start = document.offsetAt(new vscode.Position(Math.max(0, top - FIRST_MARGIN_LINES), 0));
  const end = document.offsetAt(document.lineAt(Math.min(document.lineCount - 1, bottom + FIRST_MARGIN_LINES)).range.end);
  return { start, end: Math.min(end, start + FIRST_MAX_CHARS) };
}

/** Resolves {@link ANALYSE_INDEXED_AFTER_MS} after an editor shows `document` (or it waited {@link SHOWN_WAIT_MS}). */
export async function afterShown(document: vscode.TextDocument): Promise<void> {
  const shown = (): boolean => vscode.window.visibleTextEditors.some((e) => e.document === document);
  if (!shown()) {
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listening.dispose();
        resolve();
      };
      const timer = setTimeout(done, SHOWN_WAIT_MS);
      const listening = vscode.window.onDidChangeVisibleTextEditors(() => shown() && done());
    });
  }
  await new Promise((resolve) => setTimeout(resolve, ANALYSE_INDEXED_AFTER_MS));
}

/**
 * Runs `steps` in time slices while `current()` holds; true when they all ran (false when the opening was given
 * up or finished by someone else meanwhile).
 */
export async function stepInSlices(steps: AnalysisSteps, current: () => boolean): Promise<boolean> {
  const pause = timeSlices(OPEN_SLICE_MS);
  while (current()) {
    if (!steps.step()) return true;
    const waiting = pause();
    if (waiting) await waiting;
  }
  return false;
}

/**
 * A `pause` for work done in steps (see DocumentAnalyzer.analyzeInSteps): asked after each step, it returns a
 * promise that resolves on a later turn once `sliceMs` of work ran since the last yield, else undefined.
 */
export function timeSlices(sliceMs: number): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        sliceStart = performance.now();
        resolve();
      }, 0),
    );
  };
}
