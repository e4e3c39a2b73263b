/**
 * The text of a hover card for one mention, as Markdown, built only from the index (so a hover is answered in
 * well under a millisecond). Every piece of document text, entity fact or note goes through
 * {@link escapeMarkdown}; the only links are to the commands named in {@link HoverCardOptions}.
 */
import type { Entity } from '../model/entity';
import type { Mention } from '../model/mention';
import { dateInWords } from '../model/dateWords';
import { dateOrigin } from '../recognizers/context';
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
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The hover card for the mention `ref` as a Markdown string. */
export function buildHoverCard(index: WorkspaceIndex, ref: MentionRef, options: HoverCardOptions): string {
  const m = ref.mention;
  const key = entityKey(m);
  const entity = m.entityId ? index.entity(m.entityId) : undefined;
  const lines: string[] = [];
  const name = m.kind === 'date' && m.value ? dateInWords(m.value, m.attributes?.mod) : (entity?.name ?? m.value ?? m.text);
  lines.push(`**${escapeMarkdown(name)}** \u2014 ${escapeMarkdown(kindLabel(m))}${m.source === 'manual' ? ' (manual)' : ''}`);
  if (m.source === 'manual') lines.push(...manualLines(m));
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
      lines.push(...countLines(index, key, 'Mentioned', options));
  }
  return lines.filter((l) => l !== '').join('\n\n');
}

function kindLabel(m: Mention): string {
  if (m.kind === 'custom') return m.attributes?.label ?? 'annotation';
  return m.kind;
}

function manualLines(m: Mention): string[] {
  const out: string[] = [];
  if (m.attributes?.label && m.kind !== 'custom') out.push(`Label: ${escapeMarkdown(m.attributes.label)}`);
  if (m.attributes?.note) out.push(`Note: ${escapeMarkdown(m.attributes.note)}`);
  return out;
}

function fact(entity: Entity | undefined, name: string): string | undefined {
  const v = entity?.facts[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.join(', ') : v;
}

function personLines(index: WorkspaceIndex, ref: MentionRef, key: string, entity: Entity | undefined, o: HoverCardOptions): string[] {
  const out: string[] = [];
  // The entity's role when the lexicon or linker knows it; else a role the text gave at any of its mentions.
  const anyKind = index.usage(key);
  // A lexicon person's office at the document's date, when the index holds one and the person held an office then.
  const date = index.document(ref.uri)?.documentDate?.value;
  const dated = date ? roleAt(termsFromFact(entity?.facts.terms), date) : undefined;
  const role = dated ?? fact(entity, 'role') ?? fact(entity, 'roles') ?? ref.mention.attributes?.role ?? anyKind.role;
  if (role) out.push(`*${escapeMarkdown(role)}*${dated && date ? ` (on ${escapeMarkdown(dateInWords(date))})` : ''}`);
  const speaking = index.usage(key, 'speaker');
  const verb = ref.mention.kind === 'speaker' ? 'Speaks' : 'Mentioned';
  const all = ref.mention.kind === 'speaker' ? speaking : anyKind;
  out.push(`${verb} ${times(all.count)} in ${plural(all.documents.length, 'document')}: ${documentList(index, all, o)}`);
  if (ref.mention.kind !== 'speaker' && speaking.count > 0) out.push(`Speaks ${times(speaking.count)} in the workspace.`);
  const doc = index.document(ref.uri);
  if (doc) {
    // What the quote recogniser attributed to this person here (the document's `quotes` layer), in text order.
    const max = o.maxItems ?? 3;
    const quotes = doc.layered.filter((q) => q.kind === 'quote' && entityKey(q) === key);
    const shown = quotes.slice(0, max).map((q) => {
      const line = (index.locate(ref.uri, q)?.start.line ?? 0) + 1;
      return `> \u201c${escapeMarkdown(clipQuote(q.text))}\u201d ${commandLink(`line ${line}`, o.revealCommand, [ref.uri, q.start, q.end])}`;
    });
    if (quotes.length > max) shown.push(`...and ${quotes.length - max} more`);
    if (shown.length > 0) out.push('Quotes in this document:', shown.join('\n>\n'));
    // Whether they are quoted elsewhere is the view's to say: a speaker, or anyone quoted here, gets the link.
    if (o.allQuotesCommand && (quotes.length > 0 || speaking.count > 0)) out.push(commandLink('All quotes\u2026', o.allQuotesCommand, [key]));
  }
  return out;
}

function dateLines(index: WorkspaceIndex, ref: MentionRef, o: HoverCardOptions): string[] {
  const m = ref.mention;
  const out: string[] = [];
  const attrs = m.attributes ?? {};
  const value = m.value;
  if (value) {
    const precision = attrs.precision ? ` \u00b7 precision: ${escapeMarkdown(attrs.precision)}` : '';
    out.push(`ISO value: \`${value.replace(/`/g, '')}\`${precision}`);
  } else out.push('No normalised value.');
  const weekday = value ? weekdayOf(value) : undefined;
  if (weekday) out.push(`Weekday: ${weekday}`);
  const docDate = index.document(ref.uri)?.documentDate;
  const reference = docDate ? `${escapeMarkdown(dateInWords(docDate.value))}, ${dateOrigin(docDate.source)}` : undefined;
  const setDate = o.setDocumentDateCommand ? ` ${commandLink('Set Document Date\u2026', o.setDocumentDateCommand, [ref.uri])}` : '';
  switch (attrs.resolution) {
    case 'relative': {
      // "The day before" counts from an earlier date of its paragraph, not from the document's date.
      const fromText = attrs.anchor && attrs.anchor !== docDate?.value;
      const against = fromText ? `${escapeMarkdown(dateInWords(attrs.anchor as string))}, a date earlier in the text` : reference;
      out.push(`Resolved relative to ${against ?? 'the document date'}.${setDate}`);
      break;
    }
    case 'unresolved':
      out.push(`Not resolved: ${docDate ? `the document date (${reference}) does not pin it down` : 'the document has no date'}.${setDate}`);
      break;
    default:
      if (reference) out.push(`Document date: ${reference}.${setDate}`);
  }
  return out;
}

function treatyLines(index: WorkspaceIndex, ref: MentionRef, key: string, entity: Entity | undefined, o: HoverCardOptions): string[] {
  const out: string[] = [];
  const full = fact(entity, 'fullName');
  if (full) out.push(`*${escapeMarkdown(full)}*`);
  const abbreviations = fact(entity, 'abbreviations');
  if (abbreviations) out.push(`Abbreviations: ${escapeMarkdown(abbreviations)}`);
  const dates = (['signed', 'inForce', 'ended'] as const)
    .map((k) => [k, fact(entity, k)] as const)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k === 'inForce' ? 'In force' : k === 'signed' ? 'Signed' : 'Ended'}: ${escapeMarkdown(v as string)}`);
  if (dates.length > 0) out.push(dates.join(' \u00b7 '));
  const parties = fact(entity, 'parties');
  if (parties) out.push(`Parties: ${escapeMarkdown(parties)}`);
  const status = fact(entity, 'status');
  if (status) out.push(`Status: ${escapeMarkdown(status)}`);
  out.push(...countLines(index, key, 'Mentioned', o));
  const max = o.maxItems ?? 3;
  const total = index.usage(key).count - 1;
  const others = index.mentionsOf(key, undefined, max + 1).filter((r) => !(r.uri === ref.uri && r.index === ref.index));
  if (total > 0) {
    const items = others.slice(0, max).map((r) => {
      const snippet = index.snippet(r.uri, r.index) ?? r.mention.text;
      return `- ${commandLink(`${o.documentName(r.uri)}:${lineOf(index, r) + 1}`, o.revealCommand, [r.uri, r.mention.start, r.mention.end])} ${escapeMarkdown(snippet)}`;
    });
    out.push(`Other mentions${total > max ? ` (${max} of ${total})` : ''}:\n\n${items.join('\n')}`);
  }
  return out;
}

function countLines(index: WorkspaceIndex, key: string, verb: string, o: HoverCardOptions): string[] {
  const usage = index.usage(key);
  return [`${verb} ${times(usage.count)} in ${plural(usage.documents.length, 'document')}: ${documentList(index, usage, o)}`];
}

function documentList(index: WorkspaceIndex, usage: EntityUsage, o: HoverCardOptions): string {
  const max = o.maxItems ?? 3;
  const parts = usage.documents.slice(0, max + 2).map(({ uri, count, first }) => {
    const m = index.mention(uri, first);
    return `${commandLink(o.documentName(uri), o.revealCommand, [uri, m?.start ?? 0, m?.end ?? 0])} (${count})`;
  });
  const more = usage.documents.length - parts.length;
  return parts.join(', ') + (more > 0 ? `, and ${more} more` : '');
}

function lineOf(index: WorkspaceIndex, r: MentionRef): number {
  return index.locate(r.uri, r.mention)?.start.line ?? 0;
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The weekday of an ISO calendar date `YYYY-MM-DD`, or undefined for coarser values. */
export function weekdayOf(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.getUTCMonth() !== Number(m[2]) - 1) return undefined;
  return WEEKDAYS[d.getUTCDay()];
}
