/**
 * The export formats' names and one-line descriptions for people, in the reader's language: the editor's
 * format picker passes `vscode.l10n`; the registry (and so the CLI's --help) takes the English.
 */
import { ENGLISH, type Messages } from '../ports/messages';
import type { ExportFormat } from './types';

export interface FormatNames {
  /** Short name for pickers ("brat standoff"). */
  label: string;
  /** One line saying who reads it. */
  description: string;
}

export function formatNames(id: ExportFormat, l10n: Messages = ENGLISH): FormatNames {
  switch (id) {
    case 'report':
      return { label: l10n.t('Markdown report'), description: l10n.t('by treaty and by person: who said what and when, with links to each place') };
    case 'report-html':
      return { label: l10n.t('HTML report'), description: l10n.t('the report as a web page to send, with a timeline picture') };
    case 'json':
      return { label: l10n.t('Marginalia JSON'), description: l10n.t('our full model, lossless, re-importable') };
    case 'jsonl':
      return { label: l10n.t('JSON Lines'), description: l10n.t('one document per line, for doccano, spaCy and Prodigy') };
    case 'csv':
      return { label: l10n.t('CSV'), description: l10n.t('one row per annotation, for spreadsheets') };
    case 'w3c':
      return { label: l10n.t('W3C Web Annotation'), description: l10n.t('JSON-LD AnnotationCollection, for annotation servers and viewers') };
    case 'brat':
      return { label: l10n.t('brat standoff'), description: l10n.t('.txt + .ann per document and annotation.conf, for brat and INCEpTION') };
    case 'conll':
      return { label: l10n.t('CoNLL IOB2'), description: l10n.t('token per line with B-/I-/O tags, for NER training') };
    case 'tei':
      return { label: l10n.t('TEI XML'), description: l10n.t('one TEI P5 file per document, for digital editions') };
  }
}
