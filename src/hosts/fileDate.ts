/**
 * A document's date from its file, the last source a document date comes from and only when the user turns it on
 * (`marginalia.documentDate.fromFile`, `analyze --file-date`): a copied or checked-out file's times say when it
 * was copied, not when it was written, so they are no evidence unless the user knows their files keep them.
 * - `modified`: the local day of the file's modification time;
 * - `gitCommit`: the committer's day of the last commit that touched the file (`git log -1 --format=%cI`). Reading
 *   that from .git directly would mean walking packed history; git itself answers in milliseconds.
 * Node only: src/core never sees a file, it gets the result as a DocumentDate.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentDate } from '../core/recognizers/context';
import { fileTimeDate, type FileDateMode } from '../core/model/fileDateMode';

export { parseFileDateMode, type FileDateMode } from '../core/model/fileDateMode';
import { dateFromPath } from '../core/recognizers/dates/pathDate';

/** How long one `git log` may take before the file counts as undated (a huge or locked repository). */
const GIT_TIMEOUT_MS = 5000;


/** The date of the file at `absPath` by `mode`; undefined when off, or when the file or its history has none. */
export function fileDateSync(absPath: string, mode: FileDateMode): DocumentDate | undefined {
  if (mode === 'modified') {
    try {
      return fileTimeDate(fs.statSync(absPath).mtimeMs);
    } catch {
      return undefined;
    }
  }
  if (mode !== 'gitCommit') return undefined;
  let out: string;
  try {
    // A repository's own config may name programs for git to run (core.fsmonitor): none is wanted for a log.
    out = execFileSync('git', ['-c', 'core.fsmonitor=false', 'log', '-1', '--format=%cI', '--', path.basename(absPath)], {
      cwd: path.dirname(absPath),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: GIT_TIMEOUT_MS,
      windowsHide: true,
    });
  } catch {
    return undefined; // no git, not a repository, or it took too long
  }
  // %cI is strict ISO 8601 in the committer's own offset: its day is the day the committer saw.
  const day = /^(\d{4}-\d{2}-\d{2})T/.exec(out.trim())?.[1];
  return day ? { value: day, source: 'git commit' } : undefined;
}

/** The file's date by `mode` for a document whose path has none (a date in the path wins, so git is not asked). */
export function fileDateUnlessPathDated(absPath: string, mode: FileDateMode): DocumentDate | undefined {
  return mode === 'off' || dateFromPath(absPath) ? undefined : fileDateSync(absPath, mode);
}
