/**
 * The names one sidecar writer (a {@link SidecarStore}) gives what it creates for a save: temp files and lock
 * staging folders. Each must be new: a name another save used could replace its temp file or place its lock. The
 * serial lives here, owned by the store for its lifetime, and the tag tells writers apart.
 */
export class WriterTokens {
  private serial = 0;

  /** `tag` must differ between writers that may save the same sidecar (other processes, other stores). */
  constructor(readonly tag: string) {}

  /** A token this writer never gave before: the tag and the next serial. */
  next(): string {
    return `${this.tag}-${++this.serial}`;
  }
}
