/**
 * Typed access to Marginalia's settings. Every feature reads configuration through here, so defaults live in
 * package.json only once, and Restricted Mode is applied in one place: in an untrusted workspace, path-like
 * settings ignore workspace and folder values (a cloned repository must not point us at files outside it).
 */
import * as vscode from 'vscode';
import type { HighlightKind, MentionKind } from '../core/model/mention';
import { parseFileDateMode, type FileDateMode } from '../core/model/fileDateMode';
import { effectiveValue } from './trustedSettings';

/** Kinds the editor can highlight and list, in display order. */
export const EDITOR_KINDS: readonly HighlightKind[] = ['speaker', 'date', 'treaty', 'person', 'custom'];

/** Settings whose folder/workspace values are ignored in Restricted Mode (also declared in package.json). */
export const RESTRICTED_SETTINGS: readonly string[] = ['lexicon.path', 'sidecar.mirrorFolder'];

const SECTION = 'marginalia';

export type TreeGrouping = 'kind' | 'document';
export type TreeSort = 'name' | 'count';

/** A snapshot of the settings that matter for one resource (or the window). */
export interface MarginaliaSettings {
  languages: readonly string[];
  includeGlobs: readonly string[];
  scanGlob: string;
  excludeGlobs: readonly string[];
  maxFiles: number;
  maxFileSize: number;
  kinds: ReadonlySet<MentionKind>;
  highlightEnabled: boolean;
  largeDocumentThreshold: number;
  overviewRulerLimit: number;
  treeGrouping: TreeGrouping;
  treeSort: TreeSort;
  lexiconPath: string;
  /** `sidecar.mirrorFolder`, trimmed ('' = sidecars beside their documents); restricted like `lexiconPath`. */
  sidecarMirrorFolder: string;
  statusBar: boolean;
  /** Notes of manual annotations shown at the end of their line. */
  showNotes: boolean;
  /** `documentDate.fromFile`: date a document by its file when nothing else does (src/hosts/fileDate.ts). */
  documentDateFromFile: FileDateMode;
}

/**
 * A setting's value with Restricted Mode applied: in an untrusted workspace, settings in
 * {@link RESTRICTED_SETTINGS} take only the user's (global) value or the default.
 */
export function trustedValue<T>(key: string, fallback: T, scope?: vscode.ConfigurationScope): T {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  if (!RESTRICTED_SETTINGS.includes(key)) return config.get<T>(key, fallback);
  return effectiveValue(config.inspect<T>(key), vscode.workspace.isTrusted, fallback);
}

/**
 * Snapshots by workspace folder ('' for the window): Marginalia's settings are resource-scoped, so within one
 * folder every document reads the same values. Reading them is not free (`getConfiguration` plus `inspect` for
 * restricted settings, which a scan used to pay for every file); the cache is emptied by
 * any configuration, trust or folder change, before other listeners run (see {@link watchSettings}).
 */
const snapshots = new Map<string, MarginaliaSettings>();
let watching: vscode.Disposable | undefined;

/**
 * Starts invalidating the settings cache. `activate` calls it first, so its listeners are registered, and run,
 * before any feature's own configuration listener reads the new values.
 */
export function watchSettings(): vscode.Disposable {
  if (watching) return watching;
  const clear = () => snapshots.clear();
  const subscriptions = vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration(clear),
    vscode.workspace.onDidGrantWorkspaceTrust(clear),
    vscode.workspace.onDidChangeWorkspaceFolders(clear),
  );
  watching = new vscode.Disposable(() => {
    subscriptions.dispose();
    snapshots.clear();
    watching = undefined;
  });
  return watching;
}

/** Reads every setting for `scope` (a document's URI, or the window when omitted); frozen, shared snapshots. */
export function readSettings(scope?: vscode.Uri): MarginaliaSettings {
  if (!watching) return loadSettings(scope);
  const folder = scope ? vscode.workspace.getWorkspaceFolder(scope)?.uri.toString() : undefined;
  const key = folder ?? (scope ? `file:${scope.toString()}` : '');
  let settings = snapshots.get(key);
  if (!settings) {
    settings = loadSettings(scope);
    // Outside any folder a file may have its own values (a single-file window); such entries are few.
    snapshots.set(key, settings);
  }
  return settings;
}

function loadSettings(scope?: vscode.Uri): MarginaliaSettings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const kinds = c.get<string[]>('kinds.enabled', [...EDITOR_KINDS]);
  return Object.freeze({
    languages: c.get<string[]>('files.languages', ['plaintext', 'markdown']),
    includeGlobs: c.get<string[]>('files.include', []),
    scanGlob: c.get<string>('files.scanGlob', '**/*.{txt,md,markdown}'),
    excludeGlobs: c.get<string[]>('files.exclude', ['**/node_modules/**', '**/.git/**', '**/.marginalia/**', '**/out/**', '**/dist/**']),
    maxFiles: c.get<number>('files.maxFiles', 5000),
    maxFileSize: c.get<number>('files.maxFileSize', 4_000_000),
    kinds: new Set(kinds.filter((k): k is MentionKind => (EDITOR_KINDS as readonly string[]).includes(k))),
    highlightEnabled: c.get<boolean>('highlight.enabled', true),
    largeDocumentThreshold: c.get<number>('highlight.largeDocumentThreshold', 300_000),
    overviewRulerLimit: c.get<number>('highlight.overviewRulerLimit', 1000),
    treeGrouping: c.get<TreeGrouping>('tree.groupBy', 'kind'),
    treeSort: c.get<TreeSort>('tree.sortBy', 'count'),
    lexiconPath: trustedValue<string>('lexicon.path', '.marginalia/lexicon.yaml', scope),
    sidecarMirrorFolder: trustedValue<string>('sidecar.mirrorFolder', '', scope).trim(),
    statusBar: c.get<boolean>('statusBar.enabled', true),
    showNotes: c.get<boolean>('annotations.showNotes', true),
    documentDateFromFile: parseFileDateMode(c.get<string>('documentDate.fromFile', 'off')) ?? 'off',
  });
}

/** True when a configuration change touches any Marginalia setting (optionally only the given keys). */
export function affectsMarginalia(e: vscode.ConfigurationChangeEvent, ...keys: string[]): boolean {
  if (keys.length === 0) return e.affectsConfiguration(SECTION);
  return keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`));
}

/** Writes the enabled kinds as a user setting (per-kind toggles are a reading preference, not a project's). */
export async function setEnabledKinds(kinds: Iterable<MentionKind>): Promise<void> {
  const ordered = EDITOR_KINDS.filter((k) => new Set(kinds).has(k));
  await vscode.workspace.getConfiguration(SECTION).update('kinds.enabled', ordered, vscode.ConfigurationTarget.Global);
}
