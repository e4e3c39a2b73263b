/**
 * Where a document's sidecar lives, and the refusal of paths that would lead a write outside the workspace
 * (reliability #17). Pure string logic that works for POSIX and Windows paths alike; the store adds the
 * checks that need the disk (symlinks, realpath).
 */
import { ENGLISH, type Messages } from '../ports/messages';

/** The suffix that makes a file a sidecar: `talk.txt` -> `talk.txt.annotations.yaml`. */
export const SIDECAR_SUFFIX = '.annotations.yaml';

/** Temp files of atomic writes: `.<sidecar name>.marginalia-tmp-<process>-<n>`; swept on load, never read. */
export const TEMP_MARKER = '.marginalia-tmp-';
/** Locks: `.<sidecar name>.marginalia-lock` (a folder; a file from older versions). */
export const LOCK_SUFFIX = '.marginalia-lock';
/** `<lock path><marker><token>`: a lock being prepared; a leftover when its owner died before placing it. */
export const LOCK_STAGING_MARKER = '-new-';

/** True for a file name that is a sidecar (and not one of our temp or lock files). */
export function isSidecarName(name: string): boolean {
  return name.endsWith(SIDECAR_SUFFIX) && !name.includes(TEMP_MARKER) && !name.includes(LOCK_SUFFIX);
}

/** True for a name the sidecar store writes (a sidecar, a temp file, a lock): never a folder of documents. */
export function isSidecarStoreName(name: string): boolean {
  return name.endsWith(SIDECAR_SUFFIX) || name.includes(TEMP_MARKER) || name.includes(LOCK_SUFFIX);
}

/** True for a temp file or lock leftover that belongs to the sidecar named `sidecarName`. */
export function isLeftoverOf(name: string, sidecarName: string): boolean {
  return name.startsWith(`.${sidecarName}${TEMP_MARKER}`) || isLockLeftoverOf(name, sidecarName) || isLockStagingOf(name, sidecarName);
}

/** A lock file set aside by an older version's lock breaking. */
function isLockLeftoverOf(name: string, sidecarName: string): boolean {
  return name.startsWith(`.${sidecarName}${LOCK_SUFFIX}-stale-`);
}

/** A lock's staging folder: removed only once its owner is dead or it is stale. */
export function isLockStagingOf(name: string, sidecarName: string): boolean {
  return name.startsWith(`.${sidecarName}${LOCK_SUFFIX}${LOCK_STAGING_MARKER}`);
}

/** Why a path was refused. */
export type PathRefusal = 'nul' | 'empty' | 'device' | 'drive-relative' | 'relative-root' | 'outside' | 'climbs-out' | 'folder-outside';

/** Why a path was refused, worded by `l10n` (English by default). */
export function pathRefusalWords(refusal: PathRefusal, l10n: Messages = ENGLISH): string {
  switch (refusal) {
    case 'nul':
      return l10n.t('contains a NUL byte');
    case 'empty':
      return l10n.t('empty path');
    case 'device':
      return l10n.t('UNC and device paths are not allowed');
    case 'drive-relative':
      return l10n.t('drive-relative paths are not allowed');
    case 'relative-root':
      return l10n.t('the workspace root must be absolute');
    case 'outside':
      return l10n.t('outside the workspace');
    case 'climbs-out':
      return l10n.t('leads outside the workspace');
    case 'folder-outside':
      return l10n.t('its folder resolves outside the workspace');
  }
}

/** A refused path, as the user reads it: the path and why, worded by `l10n`. */
export function refusedPathMessage(path: string, refusal: PathRefusal, l10n: Messages = ENGLISH): string {
  return l10n.t("refused path '{0}': {1}", printable(path), pathRefusalWords(refusal, l10n));
}

/** A path refused; its message is English (the store words it for the user through its messages port). */
export class PathRefusedError extends Error {
  readonly code = 'PATH_REFUSED';
  constructor(
    readonly path: string,
    readonly refusal: PathRefusal,
  ) {
    super(refusedPathMessage(path, refusal));
  }
}

function printable(p: string): string {
  return p.replace(/\0/g, '\\0');
}

/** A path split into a root (`/`, `C:/`, or '' for relative) and segments, with `\` read as `/`. */
interface SplitPath {
  root: string;
  segments: string[];
}

function split(path: string): SplitPath {
  const p = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(p);
  const root = drive ? `${drive[1].toUpperCase()}:/` : p.startsWith('/') ? '/' : '';
  return { root, segments: p.slice(drive ? 3 : root.length).split('/').filter((s) => s !== '' && s !== '.') };
}

/**
 * Resolves `path` (relative to `root`, or absolute) and returns it only when it stays inside `root`; otherwise
 * throws {@link PathRefusedError}. Refused: NUL bytes, UNC and device paths (`\\server\share`, `\\?\`),
 * drive-relative paths (`C:foo`), `..` that climbs out, absolute paths elsewhere. The result uses `/`.
 */
export function resolveInside(root: string, path: string): string {
  if (path.includes('\0') || root.includes('\0')) throw new PathRefusedError(path, 'nul');
  if (path === '') throw new PathRefusedError(path, 'empty');
  if (/^[\\/]{2}/.test(path)) throw new PathRefusedError(path, 'device');
  if (/^[A-Za-z]:(?![\\/])/.test(path)) throw new PathRefusedError(path, 'drive-relative');
  const base = split(root);
  if (base.root === '') throw new PathRefusedError(root, 'relative-root');
  const target = split(path);
  const absolute = target.root !== '';
  if (absolute && target.root !== base.root) throw new PathRefusedError(path, 'outside');
  const segments = absolute ? [] : [...base.segments];
  for (const s of target.segments) {
    if (s === '..') {
      if (segments.length === 0) throw new PathRefusedError(path, 'climbs-out');
      segments.pop();
    } else segments.push(s);
  }
  if (!isWithin(base.segments, segments)) throw new PathRefusedError(path, 'outside');
  return base.root + segments.join('/');
}

/** True when `path` is `root` or inside it (both absolute; either separator). */
export function isInside(root: string, path: string): boolean {
  const a = split(root);
  const b = split(path);
  if (a.root === '' || a.root !== b.root || b.segments.includes('..')) return false;
  return isWithin(a.segments, b.segments);
}

function isWithin(root: string[], path: string[]): boolean {
  if (path.length < root.length) return false;
  // Exact comparison: on a case-insensitive file system a path differing from the root only in case is
  // refused although it is inside; that errs on the safe side.
  return root.every((s, i) => s === path[i]);
}

export interface SidecarLocation {
  /** Keep sidecars in this folder (relative to the workspace root) mirroring the documents' folders. */
  mirrorFolder?: string;
}

/**
 * The sidecar path for a document inside `root`: beside it, or under the mirror folder. Throws
 * {@link PathRefusedError} when either the document or the resulting sidecar would be outside `root`.
 */
export function sidecarPathFor(root: string, documentPath: string, location: SidecarLocation = {}): string {
  const doc = resolveInside(root, documentPath);
  if (!location.mirrorFolder) return doc + SIDECAR_SUFFIX;
  const rootSegments = split(root).segments.length;
  const relative = split(doc).segments.slice(rootSegments).join('/');
  const mirror = resolveInside(root, location.mirrorFolder);
  return resolveInside(root, `${mirror}/${relative}${SIDECAR_SUFFIX}`);
}
