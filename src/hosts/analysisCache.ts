/**
 * Analysis results kept on disk between sessions, so that reopening a workspace does not analyse a thousand
 * unchanged documents again. An entry is keyed by a hash of everything the result depends on: the build of
 * Marginalia, the lexicon, the reference date and the text itself; any change gives another key, so an entry is
 * never stale, only unused. Entries are gzipped JSON written atomically (temp file, then rename); one that cannot
 * be read or parsed is a miss and is deleted. Writing is background work: entries wait in memory while a scan runs
 * and are written one per turn of the event loop afterwards, so persisting never competes with indexing. Derived
 * data only: losing the cache costs time, never annotations.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AnalysisResult } from '../core/analyze';
import type { Lexicon } from '../core/lexicon/lexicon';

export interface AnalysisCacheStats {
  hits: number;
  misses: number;
  writes: number;
}

const lexiconKeys = new WeakMap<Lexicon, string>();

export class AnalysisCache {
  readonly stats: AnalysisCacheStats = { hits: 0, misses: 0, writes: 0 };
  /** Entries read or written since {@link beginSweep}: what a full scan still uses. */
  private used: Set<string> | undefined;
  private ready = false;
  /** Stored results not written yet, oldest first. */
  private readonly pending = new Map<string, AnalysisResult>();
  private flushing: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param dir a folder of its own (created on first write)
   * @param buildId changes with every build of the analyzer (a new version or install empties the cache in effect)
   */
  constructor(
    private readonly dir: string,
    private readonly buildId: string,
  ) {}

  /** The key of a text's analysis with this lexicon and reference date. */
  key(text: string, lexicon: Lexicon, documentDate: string | undefined): string {
    let lexiconKey = lexiconKeys.get(lexicon);
    if (lexiconKey === undefined) {
      lexiconKey = createHash('sha1').update(JSON.stringify(lexicon)).digest('hex');
      lexiconKeys.set(lexicon, lexiconKey);
    }
    return createHash('sha1').update(`${this.buildId}\u0000${lexiconKey}\u0000${documentDate ?? ''}\u0000`).update(text).digest('hex');
  }

  /** The cached result for a key, or undefined (absent, unreadable or corrupt: a corrupt entry is removed). */
  get(key: string): AnalysisResult | undefined {
    const waiting = this.pending.get(key);
    if (waiting) {
      this.used?.add(key);
      this.stats.hits++;
      return waiting;
    }
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      this.stats.misses++;
      return undefined;
    }
    try {
      const result = JSON.parse(gunzipSync(bytes).toString('utf8')) as AnalysisResult;
      if (!Array.isArray(result.mentions) || !Array.isArray(result.entities)) throw new Error('not an analysis');
      this.used?.add(key);
      this.stats.hits++;
      return result;
    } catch {
      removeQuietly(file);
      this.stats.misses++;
      return undefined;
    }
  }

  /**
   * Stores a result: at once in memory, on disk soon after (one entry per turn, once no scan holds writing back).
   * A failure to write (full disk, read-only storage) is ignored: the cache is an optimisation.
   */
  put(key: string, result: AnalysisResult): void {
    this.pending.set(key, result);
    this.used?.add(key);
    this.scheduleFlush();
  }

  /** Resolves when every stored result is on disk (or failed to be written). */
  async whenWritten(): Promise<void> {
    while (this.pending.size > 0 || this.flushing) await new Promise((r) => setTimeout(r, 5));
  }

  private scheduleFlush(): void {
    if (this.flushing || this.used || this.pending.size === 0) return;
    this.flushing = setTimeout(() => {
      this.flushing = undefined;
      const next = this.pending.entries().next();
      if (next.done) return;
      const [key, result] = next.value;
      this.pending.delete(key);
      this.write(key, result);
      this.scheduleFlush();
    }, 0);
  }

  private write(key: string, result: AnalysisResult): void {
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      if (!this.ready) {
        fs.mkdirSync(this.dir, { recursive: true });
        this.ready = true;
      }
      fs.writeFileSync(temp, gzipSync(JSON.stringify(result), { level: 1 }));
      fs.renameSync(temp, file);
      this.stats.writes++;
    } catch {
      removeQuietly(temp);
    }
  }

  /**
   * Starts noting which entries a full scan uses, and holds writing back until the scan ends: {@link endSweep}
   * then deletes the entries not used and lets the stored ones be written.
   */
  beginSweep(): void {
    this.used = new Set();
    if (this.flushing) clearTimeout(this.flushing);
    this.flushing = undefined;
  }

  /** Deletes the entries the scan since {@link beginSweep} did not use (texts no longer in the workspace). */
  async endSweep(): Promise<number> {
    const used = this.used;
    if (!used) return 0;
    let removed = 0;
    try {
      for (const name of await fs.promises.readdir(this.dir)) {
        const key = name.endsWith('.json.gz') ? name.slice(0, -'.json.gz'.length) : undefined;
        if (key !== undefined && used.has(key)) continue;
        await fs.promises.rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
        removed++;
      }
    } catch {
      // no folder yet: nothing to remove
    } finally {
      if (this.used === used) this.used = undefined;
      this.scheduleFlush();
    }
    return removed;
  }

  /** Deletes every entry (the benchmark's cold start; a user's "clear cache"). */
  clear(): void {
    this.pending.clear();
    removeQuietly(this.dir);
    this.ready = false;
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${key}.json.gz`);
  }
}

/** Removes a file if it can; a cache never fails over its own housekeeping. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { recursive: true, force: true });
  } catch {
    // left for the next sweep
  }
}
