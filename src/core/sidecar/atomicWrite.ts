/**
 * Replacing a file so that a crash at any moment leaves either the complete old or the complete new content
 * (reliability #1, #3): write a temp file in the same folder (a rename across folders may be a copy), flush it,
 * rename it over the target, flush the folder. The temp name is fixed and recognisable (#2) so leftovers from
 * a killed process are swept and never mistaken for a sidecar.
 */
import { basename, dirname, joinPath, type FileSystem } from '../ports/fileSystem';
import { TEMP_MARKER } from './sidecarPaths';
import type { WriterTokens } from './writerTokens';

/** The temp path for one write of `target` by the writer that gave `token` (see {@link WriterTokens}). */
export function tempPathFor(target: string, token: string): string {
  return joinPath(dirname(target), `.${basename(target)}${TEMP_MARKER}${token}`);
}

export interface AtomicWriteResult {
  /** Set when the folder could not be flushed: the new content is in place, its durability on power loss is not. */
  syncWarning?: string;
}

/**
 * Atomically replaces `target` with `data`. On any failure before the rename the target is untouched, the temp
 * file is removed (best effort) and the error is rethrown for the caller to surface and retry.
 */
export async function atomicWrite(fs: FileSystem, target: string, data: Uint8Array, writer: WriterTokens): Promise<AtomicWriteResult> {
  const temp = tempPathFor(target, writer.next());
  try {
    await fs.writeFile(temp, data, { exclusive: true });
    await fs.syncFile(temp);
    await fs.rename(temp, target);
  } catch (e) {
    await fs.deleteFile(temp).catch(() => undefined);
    throw e;
  }
  try {
    await fs.syncDirectory(dirname(target));
    return {};
  } catch (e) {
    return { syncWarning: `the folder of ${target} could not be flushed (${e instanceof Error ? e.message : String(e)})` };
  }
}
