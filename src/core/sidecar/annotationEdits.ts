/**
 * Building blocks for the editor's AnnotationService (and the CLI): each user action turned into annotations,
 * rejections and {@link SidecarEdit}s, with no I/O. The service applies them with `SidecarFile.edit()` and
 * saves; undo applies {@link inverseEdits}.
 */
import { describeQuote } from '../anchoring/textQuote';
import { newId, type Annotation, type Rejection, type Sidecar } from '../model/annotation';
import { checkAttributeKeys } from '../model/attributes';
import type { Mention, MentionKind } from '../model/mention';
import { applyEdit, type SidecarEdit } from './sidecarEdits';

/** What the user chose for an annotation. */
export interface AnnotationDraft {
  kind: MentionKind;
  label?: string;
  note?: string;
  entityId?: string;
  attributes?: Record<string, string>;
}

/** Who and when, injected so the core stays pure and tests deterministic. */
export interface EditContext {
  /** ISO 8601 timestamp for `created`/`modified`. */
  now: string;
  author?: string;
  /** For ids; Web Crypto when absent. */
  random?: () => number;
}

/** A new annotation on `text.slice(start, end)` (UTF-16 offsets into the current text). */
export function createAnnotation(text: string, start: number, end: number, draft: AnnotationDraft, ctx: EditContext): Annotation {
  if (!(start >= 0 && start < end && end <= text.length)) throw new RangeError(`cannot annotate ${start}..${end} of a ${text.length}-unit text`);
  checkAttributeKeys(draft.attributes);
  const a: Annotation = {
    id: newId('a', ctx.random),
    kind: draft.kind,
    created: ctx.now,
    modified: ctx.now,
    selectors: { position: { start, end }, quote: describeQuote(text, start, end) },
  };
  return withDraft(a, draft, ctx);
}

/**
 * The annotation with the given fields changed and `modified` stamped. A field given as undefined is removed
 * (clearing a note); fields not mentioned are kept.
 */
export function updateAnnotation(a: Annotation, changes: Partial<AnnotationDraft>, ctx: EditContext): Annotation {
  checkAttributeKeys(changes.attributes);
  const next: Annotation = { ...a, modified: ctx.now };
  for (const key of ['kind', 'label', 'note', 'entityId', 'attributes'] as const) {
    if (!(key in changes)) continue;
    const value = changes[key];
    if (value === undefined) {
      if (key !== 'kind') delete next[key];
    } else (next as unknown as Record<string, unknown>)[key] = key === 'attributes' ? { ...(value as Record<string, string>) } : value;
  }
  return next;
}

/** Accepting an automatic mention: a manual annotation on the same span that takes its place (manual wins). */
export function acceptMention(text: string, mention: Mention, ctx: EditContext, draft: Partial<AnnotationDraft> = {}): Annotation {
  return createAnnotation(text, mention.start, mention.end, { kind: mention.kind, entityId: mention.entityId, ...draft }, ctx);
}

/** Rejecting an automatic mention: hidden by kind and quote, so it stays hidden after edits and reloads. */
export function rejectMention(text: string, mention: Mention, ctx: EditContext): Rejection {
  const r: Rejection = {
    id: newId('r', ctx.random),
    kind: mention.kind,
    created: ctx.now,
    selectors: { position: { start: mention.start, end: mention.end }, quote: describeQuote(text, mention.start, mention.end) },
  };
  if (ctx.author !== undefined) r.author = ctx.author;
  return r;
}

/**
 * "Annotate all identical occurrences": one annotation per other occurrence of `text.slice(start, end)`, as a
 * whole word when the selection starts and ends on word characters (so "Varga" skips "Vargas"), skipping spans
 * that already carry a manual annotation of the same kind.
 */
export function annotateAllOccurrences(
  text: string,
  start: number,
  end: number,
  draft: AnnotationDraft,
  existing: readonly { start: number; end: number; kind: MentionKind }[],
  ctx: EditContext,
): Annotation[] {
  const needle = text.slice(start, end);
  if (needle.length === 0) return [];
  const word = /[\p{L}\p{N}_]/u;
  const wordStart = word.test(needle[0]);
  const wordEnd = word.test(needle[needle.length - 1]);
  const out: Annotation[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const after = at + needle.length;
    if (wordStart && at > 0 && word.test(text[at - 1])) continue;
    if (wordEnd && after < text.length && word.test(text[after])) continue;
    if (existing.some((e) => e.kind === draft.kind && e.start === at && e.end === after)) continue;
    out.push(createAnnotation(text, at, after, draft, ctx));
  }
  return out;
}

/** The edits that undo `edits` when they were applied to `before`, in the order to apply them. */
export function inverseEdits(before: Sidecar, edits: readonly SidecarEdit[]): SidecarEdit[] {
  const undo: SidecarEdit[] = [];
  let state = before;
  for (const edit of edits) {
    undo.unshift(inverseOf(state, edit));
    state = applyEdit(state, edit);
  }
  return undo;
}

function inverseOf(state: Sidecar, edit: SidecarEdit): SidecarEdit {
  switch (edit.type) {
    case 'putAnnotation':
    case 'removeAnnotation': {
      const id = edit.type === 'putAnnotation' ? edit.annotation.id : edit.id;
      const old = state.annotations.find((a) => a.id === id);
      return old ? { type: 'putAnnotation', annotation: old } : { type: 'removeAnnotation', id };
    }
    case 'putRejection':
    case 'removeRejection': {
      const id = edit.type === 'putRejection' ? edit.rejection.id : edit.id;
      const old = state.rejections.find((r) => r.id === id);
      return old ? { type: 'putRejection', rejection: old } : { type: 'removeRejection', id };
    }
    case 'setMetadata': {
      const metadata: Record<string, string | undefined> = {};
      for (const key of Object.keys(edit.metadata) as (keyof Sidecar['document'])[]) metadata[key] = state.document[key];
      return { type: 'setMetadata', metadata };
    }
  }
}

function withDraft(a: Annotation, draft: AnnotationDraft, ctx: EditContext): Annotation {
  if (draft.label !== undefined) a.label = draft.label;
  if (draft.note !== undefined) a.note = draft.note;
  if (draft.entityId !== undefined) a.entityId = draft.entityId;
  if (draft.attributes !== undefined) a.attributes = { ...draft.attributes };
  if (ctx.author !== undefined) a.author = ctx.author;
  return a;
}
