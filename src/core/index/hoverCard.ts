/**
 * The text of a hover card for one mention, as Markdown, built only from the index (so a hover is answered in
 * well under a millisecond). Every piece of document text, entity fact or note goes through
 * {@link escapeMarkdown}; the only links are to the commands named in {@link HoverCardOptions}.
 */
import type { Entity } from '../model/entity';
import type { Mention } from '../model/mention';
import { dateInWords, weekdayName } from '../model/dateWords';
import { ENGLISH, type Messages } from '../ports/messages';
import { dateOriginWords } from '../model/dateOriginWords';
import { commandLink, escapeMarkdown } from './markdown';
import { clipQuote } from './quotes';
import { roleAt, termsFromFact } from '../lexicon/personTerms';
import { entityKey, type EntityUsage, type MentionRef, type WorkspaceIndex } from './workspaceIndex';

export interface HoverCardOptions {
  /** Short name of a document for display (a workspace-relative path). */
  documentName(uri: string): string;
  /** Command that opens a document and selects a range: called with `[uri, start, end]`. */
  revealCommand: string;
  /** Command that sets a document's date (called with `[uri]`), offered on date cards; none when absent. */
  setDocumentDateCommand?: string;
  /** Command that shows every quote of a person (called with `[personKey]`), offered on person cards; none when absent. */
  allQuotesCommand?: string;
  /** Most quotes / other mentions listed on a card. */
  maxItems?: number;
  /** The card's words in the reader's language (the editor passes `vscode.l10n`); English without. */
  l10n?: Messages;
}

/** The hover card for the mention `ref` as a Markdown string. */
export function buildHoverCard(index: WorkspaceIndex, ref: MentionRef, options: HoverCardOptions): string {
  const m = ref.mention;
  const l10n = options.l10n ?? ENGLISH;
  const key = entityKey(m);
  const entity = m.entityId ? index.entity(m.entityId) : undefined;
  const lines: string[] = [];
  const name = m.kind === 'date' && m.value ? dateInWords(m.value, m.attributes?.mod, l10n) : (entity?.name ?? m.value ?? m.text);
  const kind = escapeMarkdown(kindLabel(m, l10n));
  lines.push(`**${escapeMarkdown(name)}** \u2014 ${m.source === 'manual' ? l10n.t('{0} (manual)', kind) : kind}`);
  if (m.source === 'manual') lines.push(...manualLines(m, l10n));
  switch (m.kind) {
    case 'speaker':
    case 'person':
      lines.push(...personLines(index, ref, key, entity, options));
      break;
    case 'date':
      lines.push(...dateLines(index, ref, options));
      break;
    case 'treaty':
      lines.push(...treatyLines(index, ref, key, entity, options));
      break;
    default:
      lines.push(...countLines(index, key, options));
  }
  return lines.filter((l) => l !== '').join('\n\n');
}

function kindLabel(m: Mention, l10n: Messages): string {
  switch (m.kind) {
    case 'custom':
      return m.attributes?.label ?? l10n.t('annotation');
    case 'speaker':
      return l10n.t('speaker');
    case 'person':
      return l10n.t('person');
    case 'date':
      return l10n.t('date');
    case 'treaty':
      return l10n.t('treaty');
    case 'quote':
      return l10n.t('quote');
  }
}

function manualLines(m: Mention, l10n: Messages): string[] {
  const out: string[] = [];
  if (m.attributes?.label && m.kind !== 'custom') out.push(l10n.t('Label: {0}', escapeMarkdown(m.attributes.label)));
  if (m.attributes?.note) out.push(l10n.t('Note: {0}', escapeMarkdown(m.attributes.note)));
  return out;
}

function fact(entity: Entity | undefined, name: string): string | undefined {
  const v = entity?.facts[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(', ') : v;
}

function personLines(index: WorkspaceIndex, ref: MentionRef, key: string, entity: Entity | undefined, o: HoverCardOptions): string[] {
  const l10n = o.l10n ?? ENGLISH;
  const out: string[] = [];
  // The entity's role when the lexicon or linker knows it; else a role the text gave at any of its mentions.
  const anyKind = index.usage(key);
  // A lexicon person's office at the document's date, when the index holds one and the person held an office then.
  const date = index.document(ref.uri)?.documentDate?.value;
  const dated = date ? roleAt(termsFromFact(entity?.facts.terms), date) : undefined;
  const role = dated ?? fact(entity, 'role') ?? fact(entity, 'roles') ?? ref.mention.attributes?.role ?? anyKind.role;
  if (role) out.push(dated && date ? l10n.t('*{0}* (on {1})', escapeMarkdown(role), escapeMarkdown(dateInWords(date, undefined, l10n))) : `*${escapeMarkdown(role)}*`);
  const speaking = index.usage(key, 'speaker');
  if (ref.mention.kind === 'speaker') out.push(usageLine(speaking, documentList(index, speaking, o), 'speaks', l10n));
  else out.push(usageLine(anyKind, documentList(index, anyKind, o), 'mentioned', l10n));
  if (ref.mention.kind !== 'speaker' && speaking.count > 0) {
    out.push(speaking.count === 1 ? l10n.t('Speaks once in the workspace.') : l10n.t('Speaks {0} times in the workspace.', speaking.count));
  }
  const doc = index.document(ref.uri);
  if (doc) {
    // What the quote recogniser attributed to this person here (the document's `quotes` layer), in text order.
    const max = o.maxItems ?? 3;
    const quotes = doc.layered.filter((q) => q.kind === 'quote' && entityKey(q) === key);
    const shown = quotes.slice(0, max).map((q) => {
      const line = (index.locate(ref.uri, q)?.start.line ?? 0) + 1;
      return `> \u201c${escapeMarkdown(clipQuote(q.text))}\u201d ${commandLink(l10n.t('line {0}', line), o.revealCommand, [ref.uri, q.start, q.end])}`;
    });
    if (quotes.length > max) shown.push(l10n.t('...and {0} more', quotes.length - max));
    if (shown.length > 0) out.push(l10n.t('Quotes in this document:'), shown.join('\n>\n'));
    // Whether they are quoted elsewhere is the view's to say: a speaker, or anyone quoted here, gets the link.
    if (o.allQuotesCommand && (quotes.length > 0 || speaking.count > 0)) out.push(commandLink(l10n.t('All quotes\u2026'), o.allQuotesCommand, [key]));
  }
  return out;
}

function dateLines(index: WorkspaceIndex, ref: MentionRef, o: HoverCardOptions): string[] {
  const l10n = o.l10n ?? ENGLISH;
  const m = ref.mention;
  const out: string[] = [];
  const attrs = m.attributes ?? {};
  const value = m.value;
  if (value) {
    const code = `\`${value.replace(/`/g, '')}\``;
    out.push(attrs.precision ? l10n.t('ISO value: {0} \u00b7 precision: {1}', code, escapeMarkdown(attrs.precision)) : l10n.t('ISO value: {0}', code));
  } else out.push(l10n.t('No normalised value.'));
  const weekday = value ? weekdayOf(value, l10n) : undefined;
  if (weekday) out.push(l10n.t('Weekday: {0}', weekday));
  const docDate = index.document(ref.uri)?.documentDate;
  const reference = docDate ? l10n.t('{0}, {1}', escapeMarkdown(dateInWords(docDate.value, undefined, l10n)), dateOriginWords(docDate.source, l10n)) : undefined;
  const setDate = o.setDocumentDateCommand ? ` ${commandLink(l10n.t('Set Document Date\u2026'), o.setDocumentDateCommand, [ref.uri])}` : '';
  switch (attrs.resolution) {
    case 'relative': {
      // "The day before" counts from an earlier date of its paragraph, not from the document's date.
      const fromText = attrs.anchor && attrs.anchor !== docDate?.value;
      const against = fromText ? l10n.t('{0}, a date earlier in the text', escapeMarkdown(dateInWords(attrs.anchor as string, undefined, l10n))) : reference;
      out.push(against ? l10n.t('Resolved relative to {0}.', against) + setDate : l10n.t('Resolved relative to the document date.') + setDate);
      break;
    }
    case 'unresolved':
      out.push((reference ? l10n.t('Not resolved: the document date ({0}) does not pin it down.', reference) : l10n.t('Not resolved: the document has no date.')) + setDate);
      break;
    default:
      if (reference) out.push(l10n.t('Document date: {0}.', reference) + setDate);
  }
  return out;
}

function treatyLines(index: WorkspaceIndex, ref: MentionRef, key: string, entity: Entity | undefined, o: HoverCardOptions): string[] {
  const l10n = o.l10n ?? ENGLISH;
  const out: string[] = [];
  const full = fact(entity, 'fullName');
  if (full) out.push(`*${escapeMarkdown(full)}*`);
  const abbreviations = fact(entity, 'abbreviations');
  if (abbreviations) out.push(l10n.t('Abbreviations: {0}', escapeMarkdown(abbreviations)));
  const signed = fact(entity, 'signed');
  const inForce = fact(entity, 'inForce');
  const ended = fact(entity, 'ended');
  const dates = [
    signed ? l10n.t('Signed: {0}', escapeMarkdown(signed)) : '',
    inForce ? l10n.t('In force: {0}', escapeMarkdown(inForce)) : '',
    ended ? l10n.t('Ended: {0}', escapeMarkdown(ended)) : '',
  ].filter((d) => d !== '');
  if (dates.length > 0) out.push(dates.join(' \u00b7 '));
  const parties = fact(entity, 'parties');
  if (parties) out.push(l10n.t('Parties: {0}', escapeMarkdown(parties)));
  const status = fact(entity, 'status');
  if (status) out.push(l10n.t('Status: {0}', escapeMarkdown(status)));
  out.push(...countLines(index, key, o));
  const max = o.maxItems ?? 3;
  const total = index.usage(key).count - 1;
  const others = index.mentionsOf(key, undefined, max + 1).filter((r) => !(r.uri === ref.uri && r.index === ref.index));
  if (total > 0) {
    const items = others.slice(0, max).map((r) => {
      const snippet = index.snippet(r.uri, r.index) ?? r.mention.text;
      return `- ${commandLink(`${o.documentName(r.uri)}:${lineOf(index, r) + 1}`, o.revealCommand, [r.uri, r.mention.start, r.mention.end])} ${escapeMarkdown(snippet)}`;
    });
    const heading = total > max ? l10n.t('Other mentions ({0} of {1}):', max, total) : l10n.t('Other mentions:');
    out.push(`${heading}\n\n${items.join('\n')}`);
  }
  return out;
}

function countLines(index: WorkspaceIndex, key: string, o: HoverCardOptions): string[] {
  const usage = index.usage(key);
  return [usageLine(usage, documentList(index, usage, o), 'mentioned', o.l10n ?? ENGLISH)];
}

/** "Speaks 3 times in 2 documents: a, b": each count's wording whole, so that a translation can order it. */
function usageLine(usage: EntityUsage, list: string, verb: 'speaks' | 'mentioned', l10n: Messages): string {
  const once = usage.count === 1;
  const oneDoc = usage.documents.length === 1;
  const docs = usage.documents.length;
  if (verb === 'speaks') {
    if (once) return oneDoc ? l10n.t('Speaks once in 1 document: {0}', list) : l10n.t('Speaks once in {0} documents: {1}', docs, list);
    return oneDoc ? l10n.t('Speaks {0} times in 1 document: {1}', usage.count, list) : l10n.t('Speaks {0} times in {1} documents: {2}', usage.count, docs, list);
  }
  if (once) return oneDoc ? l10n.t('Mentioned once in 1 document: {0}', list) : l10n.t('Mentioned once in {0} documents: {1}', docs, list);
  return oneDoc ? l10n.t('Mentioned {0} times in 1 document: {1}', usage.count, list) : l10n.t('Mentioned {0} times in {1} documents: {2}', usage.count, docs, list);
}

function documentList(index: WorkspaceIndex, usage: EntityUsage, o: HoverCardOptions): string {
  const max = o.maxItems ?? 3;
  const parts = usage.documents.slice(0, max + 2).map(({ uri, count, first }) => {
    const m = index.mention(uri, first);
    return `${commandLink(o.documentName(uri), o.revealCommand, [uri, m?.start ?? 0, m?.end ?? 0])} (${count})`;
  });
  const more = usage.documents.length - parts.length;
  return more > 0 ? (o.l10n ?? ENGLISH).t('{0}, and {1} more', parts.join(', '), more) : parts.join(', ');
}

function lineOf(index: WorkspaceIndex, r: MentionRef): number {
  return index.locate(r.uri, r.mention)?.start.line ?? 0;
}

/** The weekday of an ISO calendar date `YYYY-MM-DD`, or undefined for coarser values. */
export function weekdayOf(iso: string, l10n: Messages = ENGLISH): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return weekdayName((d.getUTCDay() + 6) % 7, l10n);
}
