import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentNotReadError } from './documentFile';

/** File endings Marginalia treats as documents when given a folder. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown'];

/** Folders never walked into: dependencies, version control, our own sidecars, build output. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.marginalia', '.vscode-test', 'dist', 'out']);

export interface CollectedDocuments {
  /** Document paths, as given for files, joined onto the folder for files found inside folders; sorted. */
  files: string[];
  /** One line per path that could not be read ("path: problem"). */
  errors: string[];
}

/**
 * Expands CLI arguments into document paths: files are taken as given (whatever their ending), folders are
 * walked for documents, skipping dependency and tool folders and our own sidecars.
 */
export function collectDocuments(args: string[], cwd: string): CollectedDocuments {
  const files: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      errors.push(`${arg}: ${describeFsError(e)}`);
      continue;
    }
    if (stat.isDirectory()) walk(abs, arg, files, errors);
    else files.push(arg);
  }
  return { files, errors };
}

function walk(abs: string, shown: string, files: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    errors.push(`${shown}: ${describeFsError(e)}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const childShown = path.join(shown, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(abs, entry.name), childShown, files, errors);
    } else if (DOCUMENT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      // Symlinks and special files too: the reader follows a link to a regular file and says why it skips others.
      files.push(childShown);
    }
  }
}

/** A short, human message for a Node fs error ("no such file", "permission denied"...). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    default:
      if (e instanceof DocumentNotReadError) return e.reason;
      return e instanceof Error ? e.message : String(e);
  }
}
