/**
 * The annotation commands, keyboard first: annotate the selection as a speaker, date, treaty or custom label
 * (with an optional note), annotate all identical occurrences, edit a note, change the kind, delete, accept or
 * reject an automatic entity, undo. Each works on the active editor's selection or cursor, or on explicit
 * arguments (`{uri, start, end, kind, label, note}`) so scripts and tests need no dialog. A code action offers
 * the same on the entity under the cursor. Failures (Restricted Mode, a broken sidecar) are shown with the
 * file and the reason; nothing is written then.
 */
import * as vscode from 'vscode';
import { parseAttributes } from '../../core/model/attributes';
import type { PlacedAnnotation } from '../../core/model/documentView';
import type { HighlightKind, Mention, MentionKind } from '../../core/model/mention';
import type { WorkspaceIndex } from '../../core/index/workspaceIndex';
import type { Command } from '../command';
import type { DocumentModelService } from '../documentModel';
import { kindNoun } from '../kindNames';
import { servedSelector } from '../servedDocuments';
import type { SidecarHost } from '../sidecars/sidecarHost';
import { ANNOTATION_KINDS, type AnnotationService } from './annotationService';

/** Arguments scripts and tests may pass instead of a selection and dialogs. */
export interface AnnotateArgs {
  uri?: string;
  start?: number;
  end?: number;
  kind?: MentionKind;
  label?: string;
  /** A note; `''` for none (no input box). */
  note?: string;
  /** The canonical entity to link to (no picker). */
  entityId?: string;
  /** Attributes (`role`, `source`…); for the attributes command, replaces them all (no input box). */
  attributes?: Record<string, string>;
}

interface Target {
  document: vscode.TextDocument;
  start: number;
  end: number;
}

export function annotationCommands(service: AnnotationService, sidecars: SidecarHost, index: WorkspaceIndex, model: DocumentModelService): Command[] {
  const run = (id: string, action: (args: AnnotateArgs) => Promise<unknown>): Command => ({
    id,
    execute: async (...raw: unknown[]) => {
      const args = (typeof raw[0] === 'object' && raw[0] !== null && !(raw[0] instanceof vscode.Uri) ? raw[0] : {}) as AnnotateArgs;
      try {
        return await action(args);
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Marginalia: {0}', e instanceof Error ? e.message : String(e)));
        return undefined;
      }
    },
  });

  const annotateAs = (kind: MentionKind | undefined) => async (args: AnnotateArgs) => {
    const target = await targetOf(args);
    if (!target) return undefined;
    const chosenKind = args.kind ?? kind ?? (await pickKind());
    if (!chosenKind) return undefined;
    const label = chosenKind === 'custom' ? (args.label ?? (await pickLabel())) : args.label;
    if (chosenKind === 'custom' && !label) return undefined;
    const note = args.note ?? (await askNote(''));
    if (note === undefined) return undefined;
    return service.annotate(target.document, target.start, target.end, {
      kind: chosenKind,
      ...(label ? { label } : {}),
      ...(note ? { note } : {}),
      ...(args.attributes ? { attributes: args.attributes } : {}),
    });
  };

  return [
    run('marginalia.annotate', annotateAs(undefined)),
    run('marginalia.annotateSpeaker', annotateAs('speaker')),
    run('marginalia.annotateDate', annotateAs('date')),
    run('marginalia.annotateTreaty', annotateAs('treaty')),
    run('marginalia.annotateLabel', annotateAs('custom')),
    run('marginalia.annotateAllOccurrences', async (args) => {
      const target = await targetOf(args);
      if (!target) return undefined;
      const kind = args.kind ?? (await pickKind());
      if (!kind) return undefined;
      const label = kind === 'custom' ? (args.label ?? (await pickLabel())) : args.label;
      const n = await service.annotateAll(target.document, target.start, target.end, { kind, ...(label ? { label } : {}) });
      void vscode.window.setStatusBarMessage(
        n === 1 ? vscode.l10n.t('Marginalia: 1 occurrence annotated') : vscode.l10n.t('Marginalia: {0} occurrences annotated', n),
        4000,
      );
      return n;
    }),
    run('marginalia.editAnnotationNote', async (args) => {
      const found = await manualAt(args, sidecars);
      if (!found) return undefined;
      const note = args.note ?? (await askNote(found.placed.annotation.note ?? ''));
      if (note === undefined) return undefined;
      return service.update(found.document.uri, found.placed.annotation, { note: note || undefined });
    }),
    run('marginalia.editAnnotationAttributes', async (args) => {
      const found = await manualAt(args, sidecars);
      if (!found) return undefined;
      const current = found.placed.annotation.attributes ?? {};
      const attributes = args.attributes ?? parseAttributes(await askAttributes(current));
      if (!attributes) return undefined;
      return service.update(found.document.uri, found.placed.annotation, { attributes: Object.keys(attributes).length > 0 ? attributes : undefined });
    }),
    run('marginalia.changeAnnotationKind', async (args) => {
      const found = await manualAt(args, sidecars);
      if (!found) return undefined;
      const kind = args.kind ?? (await pickKind());
      if (!kind) return undefined;
      const label = kind === 'custom' ? (args.label ?? (await pickLabel())) : undefined;
      return service.update(found.document.uri, found.placed.annotation, { kind, label });
    }),
    run('marginalia.deleteAnnotation', async (args) => {
      const found = await manualAt(args, sidecars);
      return found ? service.remove(found.document.uri, found.placed.annotation) : undefined;
    }),
    run('marginalia.acceptEntity', async (args) => {
      const found = await autoAt(args, index, model);
      return found ? service.accept(found.document, found.mention) : undefined;
    }),
    run('marginalia.rejectEntity', async (args) => {
      const found = await autoAt(args, index, model);
      return found ? service.reject(found.document, found.mention) : undefined;
    }),
    run('marginalia.linkEntity', async (args) => {
      // A manual annotation at the cursor gets the link; an automatic entity is accepted with it.
      const manual = await manualAt({ ...args }, sidecars, true);
      const auto = manual ? undefined : await autoAt(args, index, model);
      const kind = manual?.placed.annotation.kind ?? auto?.mention.kind;
      if (!kind) return undefined;
      const entityId = args.entityId ?? (await pickEntity(index, kind));
      if (!entityId) return undefined;
      if (manual) return service.update(manual.document.uri, manual.placed.annotation, { entityId });
      return auto ? service.accept(auto.document, auto.mention, { entityId }) : undefined;
    }),
    run('marginalia.undoAnnotationChange', async () => {
      const what = await service.undo();
      void vscode.window.setStatusBarMessage(what ? vscode.l10n.t('Marginalia: undid {0}', what) : vscode.l10n.t('Marginalia: no annotation change to undo'), 4000);
      return what;
    }),
  ];
}

/** Light bulb actions on the entity under the cursor. */
export class AnnotationCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix.append('marginalia')];

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly sidecars: SidecarHost,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
    const uri = document.uri.toString();
    const offset = document.offsetAt(range.start);
    const actions: vscode.CodeAction[] = [];
    const action = (title: string, command: string, args: AnnotateArgs) => {
      const a = new vscode.CodeAction(title, AnnotationCodeActions.kinds[0]);
      a.command = { title, command, arguments: [args] };
      actions.push(a);
    };
    const manual = placedAt(this.sidecars, document.uri, offset);
    if (manual) {
      const where = { uri, start: manual.start, end: manual.end };
      action(vscode.l10n.t('Marginalia: Edit Note…'), 'marginalia.editAnnotationNote', where);
      action(vscode.l10n.t('Marginalia: Change Kind…'), 'marginalia.changeAnnotationKind', where);
      action(vscode.l10n.t('Marginalia: Edit Attributes…'), 'marginalia.editAnnotationAttributes', where);
      action(vscode.l10n.t('Marginalia: Link to Entity…'), 'marginalia.linkEntity', where);
      action(vscode.l10n.t('Marginalia: Delete Annotation'), 'marginalia.deleteAnnotation', where);
      return actions;
    }
    const ref = this.index.mentionAt(uri, offset);
    if (ref && ref.mention.source === 'auto') {
      const where = { uri, start: ref.mention.start, end: ref.mention.end };
      action(vscode.l10n.t('Marginalia: Accept {0} "{1}"', kindNoun(ref.mention.kind), ref.mention.text), 'marginalia.acceptEntity', where);
      action(vscode.l10n.t('Marginalia: Reject {0} "{1}"', kindNoun(ref.mention.kind), ref.mention.text), 'marginalia.rejectEntity', where);
      action(vscode.l10n.t('Marginalia: Link to Entity…'), 'marginalia.linkEntity', where);
    } else if (!range.isEmpty) {
      action(vscode.l10n.t('Marginalia: Annotate Selection…'), 'marginalia.annotate', { uri, start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
    }
    return actions;
  }
}

export function registerAnnotationCodeActions(index: WorkspaceIndex, sidecars: SidecarHost): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(servedSelector(), new AnnotationCodeActions(index, sidecars), {
    providedCodeActionKinds: AnnotationCodeActions.kinds,
  });
}

async function documentOf(args: AnnotateArgs): Promise<vscode.TextDocument | undefined> {
  if (args.uri) return vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Marginalia: open a document and select some text first.'));
  return editor?.document;
}

async function targetOf(args: AnnotateArgs): Promise<Target | undefined> {
  const document = await documentOf(args);
  if (!document) return undefined;
  if (args.start !== undefined && args.end !== undefined) return { document, start: args.start, end: args.end };
  const selection = vscode.window.activeTextEditor?.selection;
  if (!selection || selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Marginalia: select the text to annotate first.'));
    return undefined;
  }
  return { document, start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) };
}

function offsetOf(args: AnnotateArgs, document: vscode.TextDocument): number {
  if (args.start !== undefined) return args.start;
  const active = vscode.window.activeTextEditor;
  return active && active.document === document ? document.offsetAt(active.selection.active) : 0;
}

function placedAt(sidecars: SidecarHost, uri: vscode.Uri, offset: number): PlacedAnnotation | undefined {
  const placed = sidecars.viewOf(uri)?.placed ?? [];
  return placed.filter((p) => p.start <= offset && offset <= p.end).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

async function manualAt(args: AnnotateArgs, sidecars: SidecarHost, quiet = false): Promise<{ document: vscode.TextDocument; placed: PlacedAnnotation } | undefined> {
  const document = await documentOf(args);
  if (!document) return undefined;
  const placed = placedAt(sidecars, document.uri, offsetOf(args, document));
  if (!placed && !quiet) void vscode.window.showInformationMessage(vscode.l10n.t('Marginalia: there is no manual annotation at the cursor.'));
  return placed ? { document, placed } : undefined;
}

async function autoAt(
  args: AnnotateArgs,
  index: WorkspaceIndex,
  model: DocumentModelService,
): Promise<{ document: vscode.TextDocument; mention: Mention } | undefined> {
  const document = await documentOf(args);
  if (!document) return undefined;
  model.ensureCurrent(document);
  const ref = index.mentionAt(document.uri.toString(), offsetOf(args, document));
  if (!ref || ref.mention.source !== 'auto') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Marginalia: there is no automatic entity at the cursor.'));
    return undefined;
  }
  return { document, mention: ref.mention };
}

/** The kinds as the "Annotate as" picker names them. */
const KIND_LABELS: Record<HighlightKind, string> = {
  speaker: vscode.l10n.t('Speaker'),
  date: vscode.l10n.t('Date'),
  treaty: vscode.l10n.t('Treaty'),
  person: vscode.l10n.t('Person'),
  custom: vscode.l10n.t('Custom label…'),
};

async function pickKind(): Promise<MentionKind | undefined> {
  const picked = await vscode.window.showQuickPick(
    ANNOTATION_KINDS.map((k) => ({ label: KIND_LABELS[k], mentionKind: k })),
    { title: vscode.l10n.t('Annotate as') },
  );
  return picked?.mentionKind;
}

async function pickEntity(index: WorkspaceIndex, kind: MentionKind): Promise<string | undefined> {
  const kinds: MentionKind[] = kind === 'speaker' || kind === 'person' ? ['speaker', 'person'] : [kind];
  const seen = new Set<string>();
  const items: (vscode.QuickPickItem & { id: string })[] = [];
  for (const k of kinds) {
    for (const e of index.entitiesOfKind(k)) {
      if (seen.has(e.id) || e.id.includes(':~')) continue;
      seen.add(e.id);
      items.push({ label: e.name, description: e.id, detail: mentionsInDocuments(e.count, e.documents), id: e.id });
    }
  }
  items.sort((a, b) => a.label.localeCompare(b.label));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Link to entity'), matchOnDescription: true }))?.id;
}

async function pickLabel(): Promise<string | undefined> {
  const labels = vscode.workspace.getConfiguration('marginalia').get<string[]>('annotations.labels') ?? [];
  if (labels.length === 0) return vscode.window.showInputBox({ title: vscode.l10n.t('Label'), prompt: vscode.l10n.t('A label of your own (add favourites in the setting marginalia.annotations.labels)') });
  const other = { label: vscode.l10n.t('Other…') };
  const picked = await vscode.window.showQuickPick([...labels.map((label) => ({ label })), other], { title: vscode.l10n.t('Label') });
  if (picked === other) return vscode.window.showInputBox({ title: vscode.l10n.t('Label') });
  return picked?.label;
}

/** `role=Deputy Foreign Minister; source=TASS` as the user edits attributes in one line. */
function askAttributes(current: Record<string, string>): Thenable<string | undefined> {
  const value = Object.entries(current)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Attributes'),
    prompt: vscode.l10n.t('key=value pairs separated by semicolons, e.g. role=Deputy Foreign Minister; source=TASS (empty: none)'),
    value,
    validateInput: (text) =>
      parseAttributes(text) ? undefined : vscode.l10n.t('Write key=value pairs separated by semicolons; keys are letters, digits, - or _, and not constructor or prototype'),
  });
}

/** The note, `''` for none; undefined when the user pressed Escape. */
function askNote(value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: vscode.l10n.t('Note'), prompt: vscode.l10n.t('A note on this annotation (optional: Enter to leave it empty)'), value });
}

/** "1 mention in 1 document", "3 mentions in 2 documents". */
function mentionsInDocuments(mentions: number, documents: number): string {
  return vscode.l10n.t(
    '{0} in {1}',
    mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', mentions),
    documents === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', documents),
  );
}
