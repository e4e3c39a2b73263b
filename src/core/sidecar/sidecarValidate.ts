/**
 * Checks a sidecar tree against the format and builds the model from it. Everything is copied into fresh
 * objects field by field (reliability #12); unknown keys are allowed (the file keeps them on save) but never
 * copied. Every problem names its line (reliability #13).
 */
import { ENTITY_KINDS, type MentionKind } from '../model/mention';
import {
  SIDECAR_FORMAT_VERSION,
  type Annotation,
  type DocumentMetadata,
  type Rejection,
  type Selectors,
  type Sidecar,
} from '../model/annotation';
import { attributeKeyProblem } from '../model/attributes';
import { ENGLISH, type Messages } from '../ports/messages';
import type { SidecarProblem, TreeMap, TreeNode } from './sidecarTree';

export const MENTION_KINDS: readonly MentionKind[] = [...ENTITY_KINDS, 'custom'];
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
// The form Marginalia writes, with the ranges checked by the pattern itself (no Date.parse on the hot path).
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * The model of a valid tree, or the problems that make it invalid (then no model at all), worded by `l10n`;
 * `newer` when the file is of a later format than this version reads.
 */
export function validateSidecar(tree: TreeNode, l10n: Messages = ENGLISH): { sidecar?: Sidecar; problems: SidecarProblem[]; unknownKeys?: boolean; newer?: boolean } {
  const problems: SidecarProblem[] = [];
  const v = new Validator(problems, l10n);
  if (tree.type !== 'map') return { problems: [{ line: tree.line, message: l10n.t('a sidecar must be a mapping with `marginalia: 1` at the top') }] };
  const version = field(tree, 'marginalia');
  if (!version) return { problems: [{ line: tree.line || 1, message: l10n.t('missing `marginalia: <version>`: this is not a Marginalia sidecar') }] };
  if (version.type !== 'scalar' || typeof version.value !== 'number' || !Number.isInteger(version.value) || version.value < 1) {
    return { problems: [{ line: version.line, message: l10n.t('`marginalia` must be a positive whole number (the format version)') }] };
  }
  if (version.value > SIDECAR_FORMAT_VERSION) {
    return {
      newer: true,
      problems: [
        {
          line: version.line,
          message: l10n.t('written by a newer Marginalia (format {0}; this version reads format {1}). Update Marginalia; the file is left untouched.', version.value, SIDECAR_FORMAT_VERSION),
        },
      ],
    };
  }
  const document = v.metadata(field(tree, 'document'));
  const annotations = v.list(field(tree, 'annotations'), 'annotations', (n) => v.annotation(n));
  const rejections = v.list(field(tree, 'rejections'), 'rejections', (n) => v.rejection(n));
  v.known(tree, ROOT_KEYS);
  if (problems.length > 0) return { problems };
  return { sidecar: { version: version.value, document, annotations, rejections }, problems, unknownKeys: v.unknownKeys };
}

function field(map: TreeMap, key: string): TreeNode | undefined {
  for (const e of map.entries) if (e.key === key) return e.value;
  return undefined;
}

const ROOT_KEYS = new Set(['marginalia', 'document', 'annotations', 'rejections']);
const DOCUMENT_KEYS = new Set(['title', 'source', 'date', 'fingerprint']);
const ANNOTATION_KEYS = new Set(['id', 'kind', 'label', 'entityId', 'note', 'attributes', 'author', 'created', 'modified', 'selectors']);
const REJECTION_KEYS = new Set(['id', 'kind', 'author', 'created', 'selectors']);
const SELECTORS_KEYS = new Set(['position', 'quote']);
const POSITION_KEYS = new Set(['start', 'end']);
const QUOTE_KEYS = new Set(['exact', 'prefix', 'suffix']);

class Validator {
  private readonly lineOfId = new Map<string, number>();
  /** Whether any mapping has keys this version does not know (kept in the file, so it must be edited in place). */
  unknownKeys = false;

  known(map: TreeMap, keys: ReadonlySet<string>): void {
    if (!this.unknownKeys && map.entries.some((e) => !keys.has(e.key))) this.unknownKeys = true;
  }

  constructor(
    private readonly problems: SidecarProblem[],
    private readonly l10n: Messages,
  ) {}

  metadata(node: TreeNode | undefined): DocumentMetadata {
    const out: DocumentMetadata = {};
    if (!node || (node.type === 'scalar' && node.value === null)) return out;
    const map = this.map(node, () => this.l10n.t('`document` must be a mapping'));
    if (!map) return out;
    this.known(map, DOCUMENT_KEYS);
    const title = this.optionalString(map, 'title');
    const source = this.optionalString(map, 'source');
    const date = this.optionalString(map, 'date');
    const fingerprint = this.optionalString(map, 'fingerprint');
    if (date !== undefined && !DATE_PATTERN.test(date)) this.problem(field(map, 'date'), this.l10n.t('`date` must be an ISO 8601 date such as 2022-12-01'));
    if (title !== undefined) out.title = title;
    if (source !== undefined) out.source = source;
    if (date !== undefined) out.date = date;
    if (fingerprint !== undefined) out.fingerprint = fingerprint;
    return out;
  }

  list<T>(node: TreeNode | undefined, name: string, each: (n: TreeNode) => T | undefined): T[] {
    if (!node || (node.type === 'scalar' && node.value === null)) return [];
    if (node.type !== 'seq') {
      this.problem(node, this.l10n.t('`{0}` must be a list', name));
      return [];
    }
    const out: T[] = [];
    for (const item of node.items) {
      const value = each(item);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  annotation(node: TreeNode): Annotation | undefined {
    const map = this.map(node, () => this.l10n.t('each annotation must be a mapping'));
    if (!map) return undefined;
    this.known(map, ANNOTATION_KEYS);
    const id = this.id(map);
    const kind = this.kind(map);
    const created = this.timestamp(map, 'created');
    const modified = this.timestamp(map, 'modified');
    const selectors = this.selectors(map);
    const label = this.optionalString(map, 'label');
    const note = this.optionalString(map, 'note');
    const entityId = this.optionalString(map, 'entityId');
    const author = this.optionalString(map, 'author');
    const attributes = this.attributes(field(map, 'attributes'));
    if (!id || !kind || !created || !modified || !selectors) return undefined;
    const a: Annotation = { id, kind, created, modified, selectors };
    if (label !== undefined) a.label = label;
    if (note !== undefined) a.note = note;
    if (entityId !== undefined) a.entityId = entityId;
    if (attributes !== undefined) a.attributes = attributes;
    if (author !== undefined) a.author = author;
    return a;
  }

  rejection(node: TreeNode): Rejection | undefined {
    const map = this.map(node, () => this.l10n.t('each rejection must be a mapping'));
    if (!map) return undefined;
    this.known(map, REJECTION_KEYS);
    const id = this.id(map);
    const kind = this.kind(map);
    const created = this.timestamp(map, 'created');
    const selectors = this.selectors(map);
    const author = this.optionalString(map, 'author');
    if (!id || !kind || !created || !selectors) return undefined;
    const r: Rejection = { id, kind, created, selectors };
    if (author !== undefined) r.author = author;
    return r;
  }

  private id(map: TreeMap): string | undefined {
    const id = this.requiredString(map, 'id');
    if (id === undefined) return undefined;
    if (!ID_PATTERN.test(id)) {
      this.problem(field(map, 'id'), this.l10n.t("id '{0}' must be letters, digits, '-', '_', '.' or ':' (at most 64)", id.slice(0, 70)));
      return undefined;
    }
    const line = field(map, 'id')?.line ?? map.line;
    const earlier = this.lineOfId.get(id);
    if (earlier !== undefined) {
      this.problems.push({ line, message: this.l10n.t("id '{0}' is used twice (first at line {1})", id, earlier) });
      return undefined;
    }
    this.lineOfId.set(id, line);
    return id;
  }

  private kind(map: TreeMap): MentionKind | undefined {
    const kind = this.requiredString(map, 'kind');
    if (kind === undefined) return undefined;
    const known = MENTION_KINDS.find((k) => k === kind);
    if (!known) this.problem(field(map, 'kind'), this.l10n.t("unknown kind '{0}' (expected one of {1})", kind.slice(0, 40), MENTION_KINDS.join(', ')));
    return known;
  }

  private timestamp(map: TreeMap, key: string): string | undefined {
    const value = this.requiredString(map, key);
    if (value !== undefined && !TIMESTAMP.test(value) && (!DATE_PATTERN.test(value) || Number.isNaN(Date.parse(value)))) {
      this.problem(field(map, key), this.l10n.t('`{0}` must be an ISO 8601 timestamp such as 2026-11-22T08:00:00.000Z', key));
      return undefined;
    }
    return value;
  }

  private selectors(map: TreeMap): Selectors | undefined {
    const node = field(map, 'selectors');
    if (!node) {
      this.problem(map, this.l10n.t('missing `selectors` (position and quote)'));
      return undefined;
    }
    const selectors = this.map(node, () => this.l10n.t('`selectors` must be a mapping'));
    if (!selectors) return undefined;
    const positionNode = field(selectors, 'position');
    const quoteNode = field(selectors, 'quote');
    if (!positionNode || !quoteNode) {
      this.problem(selectors, this.l10n.t('`selectors` needs both `position` and `quote`'));
      return undefined;
    }
    const position = this.map(positionNode, () => this.l10n.t('`position` must be a mapping'));
    const quote = this.map(quoteNode, () => this.l10n.t('`quote` must be a mapping'));
    if (!position || !quote) return undefined;
    this.known(selectors, SELECTORS_KEYS);
    this.known(position, POSITION_KEYS);
    this.known(quote, QUOTE_KEYS);
    const start = this.offset(position, 'start');
    const end = this.offset(position, 'end');
    const exact = this.requiredString(quote, 'exact');
    const prefix = this.optionalString(quote, 'prefix') ?? '';
    const suffix = this.optionalString(quote, 'suffix') ?? '';
    if (start === undefined || end === undefined || exact === undefined) return undefined;
    if (end < start) {
      this.problem(position, this.l10n.t('`position.end` must not be before `position.start`'));
      return undefined;
    }
    return { position: { start, end }, quote: { exact, prefix, suffix } };
  }

  private offset(map: TreeMap, key: string): number | undefined {
    const node = field(map, key);
    if (!node || node.type !== 'scalar' || typeof node.value !== 'number' || !Number.isSafeInteger(node.value) || node.value < 0) {
      this.problem(node ?? map, this.l10n.t('`{0}` must be a whole number of UTF-16 code units, 0 or more', key));
      return undefined;
    }
    return node.value;
  }

  private attributes(node: TreeNode | undefined): Record<string, string> | undefined {
    if (!node || (node.type === 'scalar' && node.value === null)) return undefined;
    const map = this.map(node, () => this.l10n.t('`attributes` must be a mapping'));
    if (!map) return undefined;
    const out: Record<string, string> = {};
    for (const e of map.entries) {
      // The tree readers already refuse these names anywhere; checked again here because this is where an
      // attribute becomes a property of a plain object.
      const keyProblem = attributeKeyProblem(e.key, this.l10n);
      if (keyProblem) {
        this.problems.push({ line: e.line, message: keyProblem });
        continue;
      }
      if (e.value.type !== 'scalar' || e.value.value === null) {
        this.problem(e.value, this.l10n.t("attribute '{0}' must be a single value", e.key));
        continue;
      }
      out[e.key] = String(e.value.value);
    }
    return out;
  }

  private requiredString(map: TreeMap, key: string): string | undefined {
    const node = field(map, key);
    if (!node) {
      this.problem(map, this.l10n.t('missing `{0}`', key));
      return undefined;
    }
    return this.string(node, key);
  }

  private optionalString(map: TreeMap, key: string): string | undefined {
    const node = field(map, key);
    if (!node || (node.type === 'scalar' && node.value === null)) return undefined;
    return this.string(node, key);
  }

  private string(node: TreeNode, key: string): string | undefined {
    if (node.type !== 'scalar' || typeof node.value !== 'string') {
      this.problem(node, node.type === 'scalar' ? this.l10n.t('`{0}` must be text (quote it)', key) : this.l10n.t('`{0}` must be text', key));
      return undefined;
    }
    return node.value;
  }

  /** The node as a mapping, or undefined with `problem` reported at its line (worded only when it happens). */
  private map(node: TreeNode, problem: () => string): TreeMap | undefined {
    if (node.type !== 'map') {
      this.problem(node, problem());
      return undefined;
    }
    return node;
  }

  private problem(node: { line: number } | undefined, message: string): void {
    this.problems.push({ line: node?.line ?? 0, message });
  }
}
