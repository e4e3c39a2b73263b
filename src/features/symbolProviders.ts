/**
 * Entities as VS Code-native symbols and references: mentions appear in the Outline and breadcrumbs, Ctrl+T finds
 * an entity across the workspace ("Ryabkov" -> every document where Sergey Ryabkov is mentioned), and Find All
 * References on a mention lists every mention of the same entity. All answered from the index.
 */
import * as vscode from 'vscode';
import { entityKey, type MentionRef, type WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Mention, MentionKind } from '../core/model/mention';
import type { Lexicon } from '../core/lexicon/lexicon';
import type { DocumentModelService, UpdateReason } from './documentModel';
import type { LexiconService } from './lexiconService';
import { reRegistering } from './hoverProvider';
import { documentName, servedSelector } from './servedDocuments';
import { readSettings } from './settings';

/**
 * Beyond this many mentions a document's symbols are its entities (one per entity, at its first mention, with a
 * count) rather than every mention: the Outline and breadcrumbs slow to a crawl with thousands of entries, and the
 * workbench computes them when the editor opens. Above it in entities too, later ones are left out.
 */
export const MAX_DOCUMENT_SYMBOLS = 1000;
/** Most workspace symbols returned for one query. */
export const MAX_WORKSPACE_SYMBOLS = 500;

const SYMBOL_KIND: Record<MentionKind, vscode.SymbolKind> = {
  speaker: vscode.SymbolKind.Event,
  person: vscode.SymbolKind.Field,
  date: vscode.SymbolKind.Constant,
  treaty: vscode.SymbolKind.Class,
  custom: vscode.SymbolKind.Key,
  quote: vscode.SymbolKind.String,
};

export class EntityDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly model: DocumentModelService,
  ) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    await this.model.whenCurrent(document);
    const doc = this.index.document(document.uri.toString());
    if (!doc) return [];
    const kinds = readSettings(document.uri).kinds;
    const shown = doc.mentions.filter((m) => kinds.has(m.kind));
    if (shown.length > MAX_DOCUMENT_SYMBOLS) return this.entitySymbols(document, shown);
    return shown.map((m) => {
      const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
      const name = this.index.displayName(entityKey(m));
      const detail = name === m.text ? m.kind : `${m.kind}: ${m.text}`;
      return new vscode.DocumentSymbol(name || m.text, detail, SYMBOL_KIND[m.kind], range, range);
    });
  }

  /** One symbol per entity (and kind) of a long document, at its first mention, in text order. */
  private entitySymbols(document: vscode.TextDocument, mentions: readonly Mention[]): vscode.DocumentSymbol[] {
    const first = new Map<string, { mention: Mention; count: number }>();
    for (const m of mentions) {
      const key = `${m.kind}\u0000${entityKey(m)}`;
      const seen = first.get(key);
      if (seen) seen.count++;
      else first.set(key, { mention: m, count: 1 });
    }
    const out: vscode.DocumentSymbol[] = [];
    for (const { mention: m, count } of first.values()) {
      const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
      const name = this.index.displayName(entityKey(m)) || m.text;
      out.push(new vscode.DocumentSymbol(name, count === 1 ? vscode.l10n.t('{0} \u00b7 1 mention', m.kind) : vscode.l10n.t('{0} \u00b7 {1} mentions', m.kind, count), SYMBOL_KIND[m.kind], range, range));
      if (out.length >= MAX_DOCUMENT_SYMBOLS) break;
    }
    return out;
  }
}

export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    /** The lexicon's other names of an entity (a treaty's abbreviations and aliases), for a document. */
    private readonly lexiconNames: (key: string, uri: string) => readonly string[] = () => [],
  ) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const kinds = readSettings().kinds;
    const q = query.toLowerCase().replace(/\s+/g, '');
    const matches = (n: string): boolean => isSubsequence(q, n.toLowerCase().replace(/\s+/g, ''));
    const out: vscode.SymbolInformation[] = [];
    for (const key of this.index.entityKeys()) {
      const name = this.index.displayName(key);
      // A date is named in words and found by its ISO value too (`2021-12`).
      const aliases = [...(this.index.entity(key)?.aliases ?? []), ...(key.startsWith('date:') ? [key.slice('date:'.length)] : [])];
      for (const { uri } of this.index.documentsOf(key)) {
        // Ctrl+T keeps only results whose name matches what was typed: found by an alias, the name shows it.
        const alias = !q || matches(name) ? undefined : [...aliases, ...this.lexiconNames(key, uri)].find(matches);
        if (q && !matches(name) && alias === undefined) break;
        const first = this.index.mentionsOf(key, uri).find((r) => kinds.has(r.mention.kind));
        if (!first) continue;
        const location = toLocation(this.index, first);
        if (!location) continue;
        const label = alias === undefined ? name : `${name} (${alias})`;
        out.push(new vscode.SymbolInformation(label, SYMBOL_KIND[first.mention.kind], `${first.mention.kind} \u00b7 ${documentName(uri)}`, location));
        if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
      }
    }
    return out;
  }
}

export class EntityReferenceProvider implements vscode.ReferenceProvider {
  constructor(
    private readonly index: WorkspaceIndex,
    private readonly model: DocumentModelService,
  ) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] {
    this.model.ensureCurrent(document);
    const ref = this.index.mentionAt(document.uri.toString(), document.offsetAt(position));
    if (!ref) return [];
    return this.index
      .mentionsOf(entityKey(ref.mention))
      .map((r) => toLocation(this.index, r))
      .filter((l): l is vscode.Location => l !== undefined);
  }
}

/** A mention's location, from the index's line table (works for documents that are not open). */
export function toLocation(index: WorkspaceIndex, ref: MentionRef): vscode.Location | undefined {
  const at = index.locate(ref.uri, ref.mention);
  if (!at) return undefined;
  return new vscode.Location(vscode.Uri.parse(ref.uri), new vscode.Range(at.start.line, at.start.character, at.end.line, at.end.character));
}

/** A lexicon entry's other names (abbreviations, aliases, full name) for an entity key; none for other keys. */
function lexiconNames(lexicon: Lexicon, key: string): string[] {
  const treaty = lexicon.treaties.find((t) => t.id === key);
  if (treaty) return [...treaty.abbreviations, ...treaty.aliases, treaty.fullName];
  return lexicon.people.find((p) => p.id === key)?.aliases ?? [];
}

/** True when the characters of `needle` appear in `haystack` in order (how Ctrl+T matches, loosely). */
export function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}

/** Updates that change an open document's symbols without an edit of its text. */
const SYMBOLS_CHANGED_WITHOUT_EDIT: ReadonlySet<UpdateReason> = new Set(['manual', 'lexicon', 'settings']);
/** Updates come in bursts (a sidecar reload, a lexicon change over every open document): one renewal per burst. */
const SYMBOL_RENEW_DELAY_MS = 50;

/**
 * Fires when an open document's entities changed without an edit of its text (an annotation added or rejected,
 * the lexicon changed), so that the Outline, breadcrumbs and Ctrl+Shift+O ask for its symbols again.
 */
function symbolsChanged(model: DocumentModelService): { event: vscode.Event<unknown>; dispose(): void } {
  const emitter = new vscode.EventEmitter<void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listener = model.onDidUpdate((u) => {
    if (!SYMBOLS_CHANGED_WITHOUT_EDIT.has(u.reason) || timer) return;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === u.uri)) return;
    timer = setTimeout(() => {
      timer = undefined;
      emitter.fire();
    }, SYMBOL_RENEW_DELAY_MS);
  });
  return {
    event: emitter.event,
    dispose: () => {
      if (timer) clearTimeout(timer);
      listener.dispose();
      emitter.dispose();
    },
  };
}

/** Registers document symbols, workspace symbols and references. */
export function registerSymbolProviders(index: WorkspaceIndex, model: DocumentModelService, lexicons?: LexiconService): vscode.Disposable {
  const changed = symbolsChanged(model);
  return vscode.Disposable.from(
    reRegistering(
      () => vscode.languages.registerDocumentSymbolProvider(servedSelector(), new EntityDocumentSymbolProvider(index, model), { label: 'Marginalia' }),
      changed.event,
    ),
    changed,
    reRegistering(() => vscode.languages.registerReferenceProvider(servedSelector(), new EntityReferenceProvider(index, model))),
    vscode.languages.registerWorkspaceSymbolProvider(new EntityWorkspaceSymbolProvider(index, lexicons ? (key, uri) => lexiconNames(lexicons.lexiconFor(vscode.Uri.parse(uri)), key) : undefined)),
  );
}
