/**
 * Reading a sidecar file, refusing anything doubtful. A sidecar that fails here is never written (reliability
 * #7): the store keeps it read-only and the user is told the file, line and problem.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { compareAnnotations, type Selectors, type Sidecar } from '../model/annotation';
import { ENGLISH, type Messages } from '../ports/messages';
import { yamlTooDeepAt } from '../yamlDepth';
import { isTooDeep, readableYamlError, tooDeepMessage } from '../yamlErrors';
import { readCanonical, rememberItemText } from './canonicalFormat';
import { yamlToTree, type SidecarProblem } from './sidecarTree';
import { validateSidecar } from './sidecarValidate';

/** Larger sidecars are refused (reliability #14): 16 MiB holds about 40,000 annotations. */
export const DEFAULT_MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

/** Why a sidecar could not be loaded; decides the message and the quick fix offered. */
export type SidecarFailure = 'too-large' | 'encoding' | 'conflict' | 'syntax' | 'schema' | 'newer-version';

/** How the file was written, which decides how it is written back. */
export type SidecarSource = (
  /** Exactly Marginalia's own canonical text: rewritten canonically. */
  | { form: 'canonical' }
  /** Anything else: the parsed document is edited in place so comments and unknown keys survive (#8). */
  | { form: 'yaml'; document: Document; crlf: boolean; text: string; sidecar: Sidecar }
) & {
  /** The file starts with a byte order mark (some Windows editors write one): a rewrite keeps it. */
  bom?: boolean;
};

export type ParsedSidecar =
  | { ok: true; sidecar: Sidecar; source: SidecarSource }
  | { ok: false; failure: SidecarFailure; problems: SidecarProblem[] };

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})/m;

/** Parses the bytes (or text) of a sidecar file, its problems worded by `l10n`. Never throws. */
export function parseSidecar(input: Uint8Array | string, maxBytes = DEFAULT_MAX_SIDECAR_BYTES, l10n: Messages = ENGLISH): ParsedSidecar {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) return { ok: false, failure: 'too-large', problems: [tooLargeProblem(size, maxBytes, l10n)] };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      return fail('encoding', 0, l10n.t('the file is not valid UTF-8'));
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  // Checked before parsing: markers inside a block scalar would otherwise parse silently as text (#9).
  const marker = CONFLICT_MARKER.exec(text);
  if (marker) {
    const line = text.slice(0, marker.index).split('\n').length;
    return fail('conflict', line, l10n.t('the file has unresolved git conflict markers; resolve the conflict, then reload. Marginalia will not write it until then'));
  }
  const canonical = readCanonicalSidecar(text);
  const parsed: ParsedSidecar = canonical ? { ok: true, sidecar: canonical, source: { form: 'canonical' } } : readYamlSidecar(text, l10n);
  if (bom && parsed.ok) parsed.source.bom = true;
  return parsed;
}

/**
 * The fast path: text in the canonical subset, with nothing the canonical writer would drop (unknown keys) or
 * reorder (sections out of order, unsorted items). Each item's own lines are remembered so a save writes
 * unchanged items back byte for byte.
 */
function readCanonicalSidecar(text: string): Sidecar | undefined {
  const tree = readCanonical(text);
  if (!tree || tree.type !== 'map') return undefined;
  const { sidecar, unknownKeys } = validateSidecar(tree);
  if (!sidecar || unknownKeys) return undefined;
  const order = tree.entries.map((e) => SECTION_ORDER.indexOf(e.key));
  if (order.some((o, i) => i > 0 && o <= order[i - 1])) return undefined;
  if (!isSorted(sidecar.annotations) || !isSorted(sidecar.rejections)) return undefined;
  for (const e of tree.entries) {
    const items = e.key === 'annotations' ? sidecar.annotations : e.key === 'rejections' ? sidecar.rejections : undefined;
    if (!items || e.value.type !== 'seq') continue;
    e.value.items.forEach((node, i) => {
      if (node.type === 'map' && node.source) rememberItemText(items[i], text.slice(node.source.start, node.source.end));
    });
  }
  return sidecar;
}

const SECTION_ORDER = ['marginalia', 'document', 'annotations', 'rejections'];

function isSorted(items: readonly { id: string; selectors: Selectors }[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareAnnotations(items[i - 1], items[i]) > 0) return false;
  return true;
}

function readYamlSidecar(text: string, l10n: Messages): ParsedSidecar {
  const deepAt = yamlTooDeepAt(text);
  if (deepAt >= 0) return fail('syntax', text.slice(0, deepAt).split('\n').length, tooDeepMessage(l10n));
  const lineCounter = new LineCounter();
  let doc: Document;
  // No maxAliasCount here: it only guards toJS(), which is never called; yamlToTree refuses every alias instead.
  try {
    doc = parseDocument(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      merge: false,
      schema: 'core',
      strict: true,
    });
  } catch (e) {
    // parseDocument reports its own errors; a throw means something like exhausted stack on absurd nesting.
    return fail('syntax', 0, isTooDeep(e) ? tooDeepMessage(l10n) : l10n.t('the file cannot be parsed ({0})', readableYamlError(e)));
  }
  const errors = [...doc.errors, ...doc.warnings];
  // Running out of stack is reported once per level it unwinds; one line says it all.
  const tooDeep = errors.find((e) => isTooDeep(e));
  const yamlProblems = (tooDeep ? [tooDeep] : errors).map((e) => ({
    line: e.pos ? lineCounter.linePos(e.pos[0]).line : 0,
    message: e.code === 'DUPLICATE_KEY' ? duplicateKeyMessage(text, e.pos[0], l10n) : readableYamlError(e, l10n),
  }));
  if (yamlProblems.length > 0) return { ok: false, failure: 'syntax', problems: yamlProblems };
  const { tree, problems } = yamlToTree(doc, lineCounter, l10n);
  if (!tree) return { ok: false, failure: 'syntax', problems };
  const validated = validateSidecar(tree, l10n);
  if (!validated.sidecar) {
    return { ok: false, failure: validated.newer ? 'newer-version' : 'schema', problems: validated.problems };
  }
  const source: SidecarSource = { form: 'yaml', document: doc, crlf: /\r\n/.test(text), text, sidecar: validated.sidecar };
  return { ok: true, sidecar: validated.sidecar, source };
}

/** Names the key a merge left twice, read from the line the parser points at. */
function duplicateKeyMessage(text: string, offset: number, l10n: Messages): string {
  const lineEnd = text.indexOf('\n', offset);
  const key = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:{}[\],]+)\s*:/.exec(text.slice(offset, lineEnd < 0 ? undefined : lineEnd))?.[1]?.trim();
  const which = key === undefined ? l10n.t('a key') : l10n.t('the key {0}', /^["']/.test(key) ? key : `'${key}'`);
  return l10n.t('{0} appears twice in one mapping (keys must be unique; a git merge can leave both): keep one', which);
}

function fail(failure: SidecarFailure, line: number, message: string): ParsedSidecar {
  return { ok: false, failure, problems: [{ line, message }] };
}

/** The problem reported for a file over the size cap. */
export function tooLargeProblem(size: number, maxBytes: number, l10n: Messages = ENGLISH): SidecarProblem {
  const mb = (n: number) => l10n.t('{0} MB', (n / 1024 / 1024).toFixed(1));
  return { line: 0, message: l10n.t('the file is {0}, over the {1} limit for a sidecar', mb(size), mb(maxBytes)) };
}

/** `file:line: problem` lines for people and for `marginalia check`. */
export function describeProblems(file: string, problems: readonly SidecarProblem[]): string[] {
  return problems.map((p) => (p.line > 0 ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`));
}
