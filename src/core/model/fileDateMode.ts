/**
 * Which of a file's own dates may date a document that has none of its own (`marginalia.documentDate.fromFile`,
 * `--file-date`). Reading them needs a file system, so that is the hosts' part (src/hosts/fileDate.ts); the mode
 * lives here so that settings and the browser build can name it without pulling in Node.
 */
export type FileDateMode = 'off' | 'modified' | 'gitCommit';

/** The mode a setting or CLI value names (`git-commit` and `gitCommit` alike); undefined for any other word. */
export function parseFileDateMode(value: string): FileDateMode | undefined {
  if (value === 'off' || value === 'modified') return value;
  if (value === 'gitCommit' || value === 'git-commit') return 'gitCommit';
  return undefined;
}
