/**
 * Every change a user makes to annotations goes through here: build the edits with the core's pure helpers,
 * write them through the {@link SidecarHost} (atomic, merged, refused in Restricted Mode or on a sidecar that
 * failed to load), and remember their inverse so "Undo Last Annotation Change" can put the sidecar back.
 * The change then comes back to every view through the model, like a change made by git or the CLI.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { HighlightKind, Mention } from '../../core/model/mention';
import {
  acceptMention,
  annotateAllOccurrences,
  createAnnotation,
  inverseEdits,
  rejectMention,
  updateAnnotation,
  type AnnotationDraft,
  type EditContext,
} from '../../core/sidecar/annotationEdits';
import type { SidecarEdit } from '../../core/sidecar/sidecarEdits';
import type { SidecarHost } from '../sidecars/sidecarHost';

interface UndoEntry {
  uri: vscode.Uri;
  what: string;
  edits: SidecarEdit[];
}

/** How many changes "Undo Last Annotation Change" can take back. */
const UNDO_DEPTH = 50;

export class AnnotationService {
  private readonly undoStack: UndoEntry[] = [];

  /** `userName`: the author of new annotations when `marginalia.annotations.author` is empty (the OS user). */
  constructor(
    private readonly sidecars: SidecarHost,
    private readonly userName: () => string | undefined = () => undefined,
  ) {}

  /** A new manual annotation on text[start, end); its id. */
  async annotate(document: vscode.TextDocument, start: number, end: number, draft: AnnotationDraft): Promise<string> {
    const annotation = createAnnotation(document.getText(), start, end, draft, this.context());
    await this.apply(document.uri, `annotate "${annotation.selectors.quote.exact}"`, [{ type: 'putAnnotation', annotation }]);
    return annotation.id;
  }

  /** One annotation per whole-word occurrence of text[start, end) not annotated yet as that kind; how many. */
  async annotateAll(document: vscode.TextDocument, start: number, end: number, draft: AnnotationDraft): Promise<number> {
    const existing = (this.sidecars.viewOf(document.uri)?.placed ?? []).map((p) => ({ start: p.start, end: p.end, kind: p.annotation.kind }));
    const created = annotateAllOccurrences(document.getText(), start, end, draft, existing, this.context());
    if (created.length > 0) {
      await this.apply(document.uri, `annotate ${created.length} occurrences`, created.map((annotation) => ({ type: 'putAnnotation', annotation })));
    }
    return created.length;
  }

  async update(uri: vscode.Uri, annotation: Annotation, changes: Partial<AnnotationDraft>): Promise<void> {
    await this.apply(uri, 'edit annotation', [{ type: 'putAnnotation', annotation: updateAnnotation(annotation, changes, this.context()) }]);
  }

  async remove(uri: vscode.Uri, annotation: Annotation): Promise<void> {
    await this.apply(uri, 'delete annotation', [{ type: 'removeAnnotation', id: annotation.id }]);
  }

  /** An automatic mention becomes a manual annotation (kept even if the recognizers change their mind). */
  async accept(document: vscode.TextDocument, mention: Mention, draft: Partial<AnnotationDraft> = {}): Promise<void> {
    const annotation = acceptMention(document.getText(), mention, this.context(), draft);
    await this.apply(document.uri, `accept "${mention.text}"`, [{ type: 'putAnnotation', annotation }]);
  }

  /** A false automatic mention is hidden, and stays hidden after edits and reloads. */
  async reject(document: vscode.TextDocument, mention: Mention): Promise<void> {
    const rejection = rejectMention(document.getText(), mention, this.context());
    await this.apply(document.uri, `reject "${mention.text}"`, [{ type: 'putRejection', rejection }]);
  }

  /** Sets the sidecar's document date (`undefined` clears it): relative dates are then resolved against it. */
  async setDocumentDate(uri: vscode.Uri, date: string | undefined): Promise<void> {
    await this.apply(uri, date ? `set the document date to ${date}` : 'clear the document date', [{ type: 'setMetadata', metadata: { date } }]);
  }

  /** Takes back the last change made through this service; what it undid, or undefined when nothing is left. */
  async undo(): Promise<string | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    try {
      await this.sidecars.applyAndSave(entry.uri, entry.edits);
    } catch (e) {
      this.undoStack.push(entry);
      throw e;
    }
    return entry.what;
  }

  private async apply(uri: vscode.Uri, what: string, edits: SidecarEdit[]): Promise<void> {
    const file = await this.sidecars.open(uri);
    const before = file?.sidecar;
    await this.sidecars.applyAndSave(uri, edits);
    if (before) {
      this.undoStack.push({ uri, what, edits: inverseEdits(before, edits) });
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
    }
  }

  private context(): EditContext {
    const configured = vscode.workspace.getConfiguration('marginalia').get<string>('annotations.author');
    return { now: new Date().toISOString(), author: configured || this.userName() };
  }
}

/** The kinds a user can give an annotation, in picker order. */
export const ANNOTATION_KINDS: readonly HighlightKind[] = ['speaker', 'date', 'treaty', 'person', 'custom'];
