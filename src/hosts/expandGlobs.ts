/**
 * Glob patterns in command-line arguments, for shells that pass them quoted (`'samples/*.txt'`, `'**\/*.md'`) and
 * for Windows, whose shell never expands them. `*` and `?` match within one path segment (not a leading dot),
 * `[abc]`/`[a-z]`/`[!a]` one character, and a `**` segment any number of folders (none included). Node 20 has no
 * glob of its own (fs.glob came in Node 22). Arguments without a pattern character are kept as given.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SKIPPED_FOLDERS } from '../core/model/documentFiles';

export interface ExpandedArgs {
  /** The arguments, each pattern replaced by its matches (sorted), shown relative as the pattern was. */
  paths: string[];
  /** One line per pattern that matched nothing ("pattern: no file matches"). */
  errors: string[];
}

const MAGIC = /[*?[]/;

export function expandGlobs(args: string[], cwd: string): ExpandedArgs {
  const paths: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    if (!MAGIC.test(arg) || fs.existsSync(path.resolve(cwd, arg))) {
      paths.push(arg);
      continue;
    }
    const matches = globMatches(arg, cwd);
    if (matches.length === 0) errors.push(`${arg}: no file matches`);
    paths.push(...matches);
  }
  return { paths, errors };
}

/** The paths `pattern` matches under `cwd`, sorted, each shown as the pattern's fixed head joined to the rest. */
export function globMatches(pattern: string, cwd: string): string[] {
  const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== '' || i === 0);
  // The fixed head (no pattern characters) is where the walk starts: '/abs', 'samples', or the current folder.
  let head = 0;
  while (head < segments.length - 1 && !MAGIC.test(segments[head] as string)) head++;
  const base = segments.slice(0, head).join('/') || (pattern.startsWith('/') ? '/' : '');
  const out: string[] = [];
  walk(path.resolve(cwd, base), base, segments.slice(head).map(segmentMatcher), out);
  return [...new Set(out)].sort();
}

type Matcher = RegExp | '**';

function walk(abs: string, shown: string, rest: Matcher[], out: string[]): void {
  const [first, ...tail] = rest;
  if (first === undefined) {
    out.push(shown);
    return;
  }
  if (first === '**') walk(abs, shown, tail, out); // no folder at all
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = shown ? path.join(shown, entry.name) : entry.name;
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path.join(abs, entry.name)));
    if (first === '**') {
      // Any depth below, never into hidden, dependency or tool folders.
      if (folder && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(path.join(abs, entry.name), child, rest, out);
    } else if (first.test(entry.name) && (tail.length === 0 || folder)) {
      walk(path.join(abs, entry.name), child, tail, out);
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function segmentMatcher(segment: string): Matcher {
  if (segment === '**') return '**';
  let re = segment.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        re += '\\[';
        continue;
      }
      const body = segment.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      re += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
