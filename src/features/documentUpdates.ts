/**
 * What the document model (documentModel.ts) tells the features about its updates, and what it asks of the
 * source of manual mentions.
 */
import type * as vscode from 'vscode';
import type { AnalysisResult } from '../core/analyze';
import type { DocumentView } from '../core/model/documentView';

/** Why a document's entry in the index changed. */
export type UpdateReason = 'open' | 'edit' | 'scan' | 'remove' | 'lexicon' | 'manual' | 'settings';

export interface DocumentUpdate {
  /** `uri.toString()` of the document. */
  uri: string;
  reason: UpdateReason;
}

/**
 * The seam for manual annotations (issue 5): a sidecar-backed implementation turns automatic mentions into the
 * document's view and tells the model when a document's manual data changed.
 */
export interface MentionReconciler {
  /** Fires with a document URI string when its manual data changed, or undefined when all may have. */
  readonly onDidChange: vscode.Event<string | undefined>;
  /** A reference date from the document's metadata, used for relative dates. */
  documentDateFor?(uri: vscode.Uri): string | undefined;
  reconcile(uri: vscode.Uri, text: string, auto: AnalysisResult): DocumentView;
  /** Loads what {@link reconcile} needs for a document (its sidecar), so a scan reconciles it at once. */
  prepare?(uri: vscode.Uri): Promise<unknown>;
  /** True when the document has manual data (a sidecar, loaded or failed) that {@link reconcile} applies. */
  hasManualData?(uri: vscode.Uri): boolean;
}

/** Timings of the last analysis, for the in-editor benchmark and diagnostics. */
export interface ModelStats {
  lastAnalysisMs: number;
  /** Of which the analysis alone (recognizers and linking), without reconciling, indexing and listeners. */
  lastAnalyzeOnlyMs: number;
  /** How the last analysis of an open document went: re-linked, or the last result shifted (see DocumentAnalyzer). */
  lastPath: 'full' | 'relinked' | 'shifted' | undefined;
  lastUri: string | undefined;
  updates: number;
}
