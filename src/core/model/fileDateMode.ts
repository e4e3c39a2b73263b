/**
 * Which of a file's own dates may date a document that has none of its own (`marginalia.documentDate.fromFile`,
 * `--file-date`). Reading them needs a file system, so that is the hosts' part (src/hosts/fileDate.ts); the mode
 * lives here so that settings and the browser build can name it without pulling in Node.
 */
import type { DocumentDate } from '../recognizers/context';

export type FileDateMode = 'off' | 'modified' | 'gitCommit';

/** The mode a setting or CLI value names (`git-commit` and `gitCommit` alike); undefined for any other word. */
export function parseFileDateMode(value: string): FileDateMode | undefined {
  if (value === 'off' || value === 'modified') return value;
  if (value === 'gitCommit' || value === 'git-commit') return 'gitCommit';
  return undefined;
}

/** The document date a file's modification time (ms since the epoch) gives: its local day. */
export function fileTimeDate(mtime: number): DocumentDate {
  return { value: localDay(new Date(mtime)), source: 'file time' };
}

/** The local day (YYYY-MM-DD) of a file time: the day the user saw on their clock when the file was written. */
function localDay(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
