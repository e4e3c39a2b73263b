/**
 * Which files are documents and which folders are never searched for them: one definition for every host that
 * lists documents (the CLI, export, the editor's {@link DocumentSource}). The editor's scan takes its own
 * globs from the settings (`marginalia.files.scanGlob` and `files.exclude`), whose defaults say the same.
 */

/** File endings Marginalia treats as documents when given a folder. */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown'];

/** Dependency, build and tool folders, and our own `.marginalia` (its lexicon and sidecars are not documents). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.marginalia', '.vscode-test', 'dist', 'out']);

/** True for a file name with a document ending (any case). */
export function isDocumentName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && DOCUMENT_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/** One entry of a folder: a folder is searched, anything else is a candidate document by its name. */
export interface FolderEntry {
  name: string;
  folder: boolean;
}

/** How a host lists a folder and names what is in it. */
export interface FolderReader {
  entries(folder: string): Promise<FolderEntry[]>;
  join(folder: string, name: string): string;
}

/**
 * The documents under `folder`, depth first in name order, skipping {@link SKIPPED_FOLDERS}. Not only regular
 * files: a symbolic link or a special file with a document's name is listed, and the reader says why it skips
 * it. A folder that cannot be listed is passed to `failed` and the rest goes on.
 */
export async function listDocumentsUnder(folder: string, reader: FolderReader, failed: (folder: string, error: unknown) => void): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries: FolderEntry[];
    try {
      entries = await reader.entries(dir);
    } catch (e) {
      failed(dir, e);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.folder) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await walk(reader.join(dir, entry.name));
      } else if (isDocumentName(entry.name)) found.push(reader.join(dir, entry.name));
    }
  };
  await walk(folder);
  return found;
}
