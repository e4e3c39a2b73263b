/**
 * Documents on Node's file system, read (documentFile.ts) and listed (the core's one skip list): the part of the
 * {@link NodeDocumentSource} the scan worker needs. Apart, so the worker's bundle carries no YAML parser or sidecar
 * store: a new worker answers its first file sooner.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listDocumentsUnder } from '../core/model/documentFiles';
import type { DocumentRead } from '../core/ports/documentSource';
import { DocumentNotReadError, readDocumentFile, readDocumentFileSync } from './documentFile';

export interface NodeReaderOptions {
  /** What relative locations are relative to. */
  cwd: string;
}

export interface CollectedDocuments {
  /** Document paths, as given for files, joined onto the folder for files found inside folders; in order. */
  files: string[];
  /** One line per path that could not be read ("path: problem"). */
  errors: string[];
}

export class NodeDocumentReader {
  constructor(protected readonly options: NodeReaderOptions) {}

  protected resolve(location: string): string {
    return path.resolve(this.options.cwd, location);
  }

  readDocument(location: string, maxBytes?: number): Promise<DocumentRead> {
    return readDocumentFile(this.resolve(location), maxBytes);
  }

  /** {@link readDocument} on this thread (the scan worker answers one message at a time). */
  readDocumentSync(location: string, maxBytes?: number): DocumentRead {
    return readDocumentFileSync(this.resolve(location), maxBytes);
  }

  listDocuments(folder: string, failed: (folder: string, error: unknown) => void): Promise<string[]> {
    const entries = async (dir: string) =>
      (await fs.promises.readdir(this.resolve(dir), { withFileTypes: true })).map((e) => ({ name: e.name, folder: e.isDirectory() }));
    return listDocumentsUnder(folder, { entries, join: path.join }, failed);
  }

  /**
   * Expands CLI arguments into document paths: files are taken as given (whatever their ending), folders are
   * listed by {@link listDocuments}.
   */
  async collect(args: readonly string[]): Promise<CollectedDocuments> {
    const files: string[] = [];
    const errors: string[] = [];
    for (const arg of args) {
      let folder: boolean;
      try {
        folder = fs.statSync(this.resolve(arg)).isDirectory();
      } catch (e) {
        errors.push(`${arg}: ${describeFsError(e)}`);
        continue;
      }
      if (folder) files.push(...(await this.listDocuments(arg, (dir, e) => errors.push(`${dir}: ${describeFsError(e)}`))));
      else files.push(arg);
    }
    return { files, errors };
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
