/**
 * The first analysis of a long document opened in the editor runs in steps between the extension host's turns
 * (time slices): the open, the workbench showing the document and the user's first keys go on meanwhile instead
 * of waiting for the whole analysis (documentModel.ts decides what supersedes it).
 */
import type * as vscode from 'vscode';
import type { AnalysisResult, DocumentAnalyzer } from '../core/analyze';

/** From this length (characters) the first analysis of an opened document runs in steps. */
export const OPEN_IN_STEPS_CHARS = 100_000;
/** The longest step before the editor gets a turn. */
const OPEN_SLICE_MS = 12;

/** True when `document` is long enough to be analysed in steps (measured without copying its text). */
export function opensInSteps(document: vscode.TextDocument): boolean {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > OPEN_IN_STEPS_CHARS;
}

/** `analyzer`'s first analysis of `text`, in time slices. */
export function analyseInSlices(analyzer: DocumentAnalyzer, text: string): Promise<AnalysisResult> {
  return analyzer.analyzeInSteps(text, timeSlices(OPEN_SLICE_MS));
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
