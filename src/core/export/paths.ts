/**
 * Output names built from document paths. A document path comes from the workspace (possibly a hostile,
 * cloned one), so before it names an output file it must be a plain relative path that cannot climb out of
 * the output folder (reliability row 17). Hosts check the resolved path again before writing.
 */

/** A document path that cannot be used as an output name. */
export class UnsafePathError extends Error {}

/**
 * Normalises a document path to `a/b/c.txt` form, refusing what could leave the output folder: absolute
 * paths, drive letters, UNC names, `..` segments, NUL and other control characters.
 */
export function safeRelativePath(path: string): string {
  if (/[\u0000-\u001f]/.test(path)) throw new UnsafePathError(`${JSON.stringify(path)}: control character in path`);
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    throw new UnsafePathError(`${JSON.stringify(path)}: absolute path`);
  }
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) throw new UnsafePathError(`${JSON.stringify(path)}: empty path`);
  if (segments.some((s) => s === '..')) throw new UnsafePathError(`${JSON.stringify(path)}: '..' segment`);
  return segments.join('/');
}

/** `dir/name.txt` -> `dir/name<ext>`; a name without extension just gets `ext` appended. */
export function replaceExtension(path: string, ext: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return (dot > slash + 1 ? path.slice(0, dot) : path) + ext;
}
