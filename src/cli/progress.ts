import type { CliIo } from './cliIo';

/**
 * A progress line ("name: 120/1000 files") redrawn in place on stderr, only when stderr is a terminal: a log
 * file or a pipeline gets no carriage returns. Redrawn at most ten times a second, so a fast batch is not slowed
 * by its own progress.
 */
export class Progress {
  private done = 0;
  private drawn = false;
  private lastDrawn = 0;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
    private readonly total: number,
  ) {}

  step(): void {
    this.done++;
    if (!this.io.stderrIsTTY) return;
    const now = Date.now();
    if (now - this.lastDrawn < 100 && this.done < this.total) return;
    this.lastDrawn = now;
    this.io.stderr(`\r${this.label}: ${this.done}/${this.total} files`);
    this.drawn = true;
  }

  /** What erases the line, to write before any other message and at the end; '' when nothing is drawn. */
  clear(): string {
    if (!this.drawn) return '';
    this.drawn = false;
    return '\r\x1b[K';
  }
}
