/**
 * Entities as VS Code-native symbols and references: mentions appear in the Outline and breadcrumbs, Ctrl+T finds
 * an entity across the workspace ("Ryabkov" -> every document where Sergey Ryabkov is mentioned), and Find All
 * References on a mention lists every mention of the same entity. All answered from the index.
 */
import * as vscode from 'vscode';
import { entityKey, type MentionRef, type WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Mention, MentionKind } from '../core/model/mention';
import type { DocumentModelService } from './documentModel';
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

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    this.model.ensureCurrent(document);
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
      out.push(new vscode.DocumentSymbol(name, vscode.l10n.t('{0} \u00b7 {1} mentions', m.kind, count), SYMBOL_KIND[m.kind], range, range));
      if (out.length >= MAX_DOCUMENT_SYMBOLS) break;
    }
    return out;
  }
}

export class EntityWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: WorkspaceIndex) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const kinds = readSettings().kinds;
    const q = query.toLowerCase().replace(/\s+/g, '');
    const out: vscode.SymbolInformation[] = [];
    for (const key of this.index.entityKeys()) {
      const entity = this.index.entity(key);
      // A date is shown in words and found by its ISO value too (`2021-12`).
      const names = [this.index.displayName(key), ...(entity?.aliases ?? []), ...(key.startsWith('date:') ? [key.slice('date:'.length)] : [])];
      if (q && !names.some((n) => isSubsequence(q, n.toLowerCase()))) continue;
      for (const { uri } of this.index.documentsOf(key)) {
        const first = this.index.mentionsOf(key, uri).find((r) => kinds.has(r.mention.kind));
        if (!first) continue;
        const location = toLocation(this.index, first);
        if (!location) continue;
        out.push(new vscode.SymbolInformation(names[0], SYMBOL_KIND[first.mention.kind], `${first.mention.kind} \u00b7 ${documentName(uri)}`, location));
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

/** True when the characters of `needle` appear in `haystack` in order (how Ctrl+T matches, loosely). */
export function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}

/** Registers document symbols, workspace symbols and references. */
export function registerSymbolProviders(index: WorkspaceIndex, model: DocumentModelService): vscode.Disposable {
  return vscode.Disposable.from(
    reRegistering(() => vscode.languages.registerDocumentSymbolProvider(servedSelector(), new EntityDocumentSymbolProvider(index, model), { label: 'Marginalia' })),
    reRegistering(() => vscode.languages.registerReferenceProvider(servedSelector(), new EntityReferenceProvider(index, model))),
    vscode.languages.registerWorkspaceSymbolProvider(new EntityWorkspaceSymbolProvider(index)),
  );
}
