/**
 * Entities as VS Code-native symbols and references: mentions appear in the Outline and breadcrumbs, Ctrl+T finds
 * an entity across the workspace ("Ryabkov" -> every document where Sergey Ryabkov is mentioned), and Find All
 * References on a mention lists every mention of the same entity. All answered from the index.
 */
import * as vscode from 'vscode';
import { entityKey, type MentionRef, type WorkspaceIndex } from '../core/index/workspaceIndex';
import type { MentionKind } from '../core/model/mention';
import type { DocumentModelService } from './documentModel';
import { reRegistering } from './hoverProvider';
import { documentName, servedSelector } from './servedDocuments';
import { readSettings } from './settings';

/** The Outline slows to a crawl with tens of thousands of entries; beyond this, later mentions are left out. */
export const MAX_DOCUMENT_SYMBOLS = 5000;
/** Most workspace symbols returned for one query. */
export const MAX_WORKSPACE_SYMBOLS = 500;

const SYMBOL_KIND: Record<MentionKind, vscode.SymbolKind> = {
  speaker: vscode.SymbolKind.Event,
  person: vscode.SymbolKind.Field,
  date: vscode.SymbolKind.Constant,
  treaty: vscode.SymbolKind.Class,
  custom: vscode.SymbolKind.Key,
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
    const out: vscode.DocumentSymbol[] = [];
    for (const m of doc.mentions) {
      if (!kinds.has(m.kind)) continue;
      const range = new vscode.Range(document.positionAt(m.start), document.positionAt(m.end));
      const name = this.index.displayName(entityKey(m));
      const detail = name === m.text ? m.kind : `${m.kind}: ${m.text}`;
      out.push(new vscode.DocumentSymbol(name || m.text, detail, SYMBOL_KIND[m.kind], range, range));
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
      const names = [this.index.displayName(key), ...(entity?.aliases ?? [])];
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
