import type * as vscode from 'vscode';
import type { DocumentRead } from '../../../src/core/ports/documentSource';
import { EditorDocumentSource } from '../../../src/features/editorDocumentSource';
import type { ScannerHost } from '../../../src/features/scannerHost';

/** A scanner host without a worker that reads through the editor, and holds the read of one file until told. */
export class HeldReadHost implements ScannerHost {
  private readonly documents = new EditorDocumentSource();
  private release: () => void = () => undefined;
  private readonly held = new Promise<void>((resolve) => (this.release = resolve));
  /** Resolves when the held file's read has begun (and its bytes are read). */
  readonly reading: Promise<void>;
  private began: () => void = () => undefined;
  /** Reads are held only once armed: this scanner's watcher also reads the file when it is created. */
  private armed = false;

  constructor(private readonly heldUri: string) {
    this.reading = new Promise<void>((resolve) => (this.began = resolve));
  }

  workerPath(): undefined {
    return undefined;
  }

  fileDateMode(): 'off' {
    return 'off';
  }

  async read(uri: vscode.Uri, maxFileSize: number): Promise<DocumentRead> {
    const read = await this.documents.readDocument(uri.toString(), maxFileSize);
    if (uri.toString() !== this.heldUri || !this.armed) return read;
    this.began();
    await this.held;
    return read;
  }

  /** Holds the next reads of the file. */
  arm(): void {
    this.armed = true;
  }

  /** Lets the held read return what it read. */
  finish(): void {
    this.release();
  }
}
