/** What a CLI command may touch besides the file system: its output streams and working directory. */
export interface CliIo {
  stdout(text: string): void;
  /**
   * Writes UTF-8 bytes to stdout as they are (no string made of them); without it they go to {@link stdout}.
   * True when stdout has taken them already: the caller may then fill the same buffer again.
   */
  stdoutBytes?(bytes: Uint8Array): boolean | void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** stderr is a terminal: progress lines may be drawn there. */
  stderrIsTTY?: boolean;
  /**
   * Resolves once stdout has taken what was written, when it is behind (a pipe whose reader is slower than we
   * write): a long output then waits instead of queueing in memory. Undefined when nothing waits.
   */
  drained?(): Promise<void> | undefined;
  /** The script a worker thread starts (the CLI itself); without it, everything runs in this thread. */
  workerEntry?: string;
}

/** One `marginalia <name>` subcommand; resolves to the process exit code. */
export interface CliCommand {
  name: string;
  /** One line for `marginalia --help`. */
  summary: string;
  /** Full usage text for `marginalia <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Error for bad command-line arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** The key of a worker thread's data that makes the CLI an `analyze` worker (see analyzeWorkers.ts). */
export const WORKER_DATA_KEY = 'marginaliaAnalyze';
