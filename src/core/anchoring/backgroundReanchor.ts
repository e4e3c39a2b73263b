/**
 * Re-anchoring a document's annotations and rejections without stalling the editor. The scored search of
 * {@link reanchor} costs up to about a second on a large document whose annotations' context changed (it runs at
 * every re-analysis, so at every pause in typing), which on the editor's thread freezes typing; so:
 *
 * - small cases (a short text and few items) are placed at once, as always;
 * - otherwise re-anchoring runs in another thread ({@link ReanchorRunner}); until it answers, the document shows
 *   what it showed before, moved with the text that changed since (an annotation outside the changed range is
 *   where the same characters went, as while typing), and nothing for what lay inside that range: never a guess;
 * - an answer is used only for the exact state it was asked for (document version, text and the sidecar's
 *   lists): one for an older version is dropped, and while one runs, only the latest state is queued behind it.
 *
 * Pure: the runner is given (a Node worker in the extension, a browser Worker on the web), and `onSettled` tells
 * the caller to reconcile the document again, which then finds the answer here.
 */
import { reanchor, type Anchorable, type ReanchorResult } from './reanchor';
import { expandResult, type CompactResult } from './reanchorTransfer';
import type { Selectors } from '../model/annotation';
import { changedRange } from '../textDiff';

/**
 * Re-anchors in another thread: each list of selectors placed on `text` on its own, answered by index (see
 * reanchorTransfer.ts). Rejects when the thread cannot do it; the work is then done in the caller's thread.
 */
export interface ReanchorRunner {
  run(lists: Selectors[][], text: string): Promise<CompactResult[]>;
}

/**
 * From this many characters, or this many annotations and rejections together, re-anchoring leaves the caller's
 * thread: measured on real text whose context changed around every annotation, re-anchoring there grows with the
 * text's length and the number of annotations, and from these sizes it is long enough to be noticed as a pause.
 */
export const OFF_THREAD_MIN_CHARS = 40_000;
export const OFF_THREAD_MIN_ITEMS = 50;

export function runsOffThread(textLength: number, items: number): boolean {
  return items > 0 && (textLength >= OFF_THREAD_MIN_CHARS || items >= OFF_THREAD_MIN_ITEMS);
}

export interface Placements<A, R> {
  annotations: ReanchorResult<A>;
  rejections: ReanchorResult<R>;
}

/** Placements for a document; `final` is false while the rest is being placed in another thread. */
export interface Placing<A, R> {
  placements: Placements<A, R>;
  final: boolean;
}

/** One state of a document: what its re-anchoring is for. */
interface State<A, R> {
  version: number;
  text: string;
  annotations: readonly A[];
  rejections: readonly R[];
}

function sameState<A, R>(a: State<A, R>, b: State<A, R>): boolean {
  return a.version === b.version && a.annotations === b.annotations && a.rejections === b.rejections && a.text === b.text;
}

export class BackgroundReanchor<A extends Anchorable, R extends Anchorable> {
  /** The last answer per document, with the state it is for. */
  private readonly answered = new Map<string, { state: State<A, R>; placements: Placements<A, R> }>();
  /** What each document showed last (an answer or an interim view), on which text. */
  private readonly shown = new Map<string, { text: string; placements: Placements<A, R> }>();
  private readonly running = new Map<string, State<A, R>>();
  /** The latest state asked for while another ran: sent when that one answers. */
  private readonly queued = new Map<string, State<A, R>>();
  /** Callers of {@link placed} waiting for the next answer (or dropped answer) per document. */
  private readonly waiters = new Map<string, Array<() => void>>();
  /** Why the runner failed, once it did: everything is placed in the caller's thread from then on. */
  broken: Error | undefined;

  constructor(
    private readonly runner: ReanchorRunner | undefined,
    private readonly onSettled: (key: string) => void,
  ) {}

  /** Requests running or queued (for tests and diagnostics). */
  get busy(): number {
    return this.running.size + this.queued.size;
  }

  /**
   * Places the document's annotations and rejections on `text` (of document `version`; any number that changes
   * with the text, -1 for a document that is not open).
   */
  place(key: string, version: number, text: string, annotations: readonly A[], rejections: readonly R[]): Placing<A, R> {
    const state: State<A, R> = { version, text, annotations, rejections };
    const answer = this.answered.get(key);
    if (answer && sameState(answer.state, state)) return this.show(key, text, answer.placements, true);
    if (!this.runner || this.broken || !runsOffThread(text.length, annotations.length + rejections.length)) {
      this.answered.delete(key);
      return this.show(key, text, { annotations: reanchor(annotations, text), rejections: reanchor(rejections, text) }, true);
    }
    this.request(key, state);
    const before = this.shown.get(key);
    const empty = { placed: [], orphans: [] };
    const interim: Placements<A, R> = before
      ? movedWithText(before.placements, before.text, text, new Set(annotations), new Set(rejections))
      : { annotations: empty, rejections: empty };
    return this.show(key, text, interim, false);
  }

  private show(key: string, text: string, placements: Placements<A, R>, final: boolean): Placing<A, R> {
    this.shown.set(key, { text, placements });
    return { placements, final };
  }

  /**
   * The placements for this exact state, waiting for the other thread if need be (writing positions on save);
   * placed in this thread when the document keeps changing meanwhile.
   */
  async placed(key: string, version: number, text: string, annotations: readonly A[], rejections: readonly R[]): Promise<Placements<A, R>> {
    for (let round = 0; round < 3; round++) {
      const placing = this.place(key, version, text, annotations, rejections);
      if (placing.final) return placing.placements;
      await new Promise<void>((resolve) => (this.waiters.get(key) ?? this.waiters.set(key, []).get(key))?.push(resolve));
    }
    return { annotations: reanchor(annotations, text), rejections: reanchor(rejections, text) };
  }

  /** Forgets a document (closed, its sidecar gone): an answer still on its way is dropped. */
  forget(key: string): void {
    this.answered.delete(key);
    this.shown.delete(key);
    this.running.delete(key);
    this.queued.delete(key);
  }

  private request(key: string, state: State<A, R>): void {
    const running = this.running.get(key);
    if (running) {
      if (sameState(running, state)) this.queued.delete(key);
      else this.queued.set(key, state);
      return;
    }
    this.running.set(key, state);
    const runner = this.runner as ReanchorRunner;
    const lists = [state.annotations.map((a) => a.selectors), state.rejections.map((r) => r.selectors)];
    runner.run(lists, state.text).then(
      ([annotations, rejections]) =>
        this.finish(key, state, { annotations: expandResult(state.annotations, annotations), rejections: expandResult(state.rejections, rejections) }),
      (e: unknown) => {
        this.broken ??= e instanceof Error ? e : new Error(String(e));
        this.finish(key, state, undefined);
      },
    );
  }

  private finish(key: string, state: State<A, R>, placements: Placements<A, R> | undefined): void {
    const waiters = this.waiters.get(key) ?? [];
    this.waiters.delete(key);
    for (const resolve of waiters) resolve();
    // Forgotten meanwhile: nobody is waiting for this answer.
    if (this.running.get(key) !== state) return;
    this.running.delete(key);
    const next = this.queued.get(key);
    this.queued.delete(key);
    if (placements && next === undefined) {
      this.answered.set(key, { state, placements });
    } else if (next !== undefined && !this.broken) {
      // The document changed while this ran: its answer is stale, the latest state goes next.
      this.request(key, next);
      return;
    }
    this.onSettled(key);
  }
}

/**
 * Placements shown on `before`, moved to `after`: those outside the range that changed keep their characters
 * (shifted by the change's length when after it), those inside it are left out until placed again, and only
 * items still in the sidecar's lists are kept. Orphans stay orphans meanwhile.
 */
function movedWithText<A extends Anchorable, R extends Anchorable>(
  shown: Placements<A, R>,
  before: string,
  after: string,
  annotations: ReadonlySet<Anchorable>,
  rejections: ReadonlySet<Anchorable>,
): Placements<A, R> {
  const change = before === after ? undefined : changedRange(before, after);
  const move = <T extends Anchorable>(result: ReanchorResult<T>, items: ReadonlySet<Anchorable>): ReanchorResult<T> => {
    const placed: ReanchorResult<T>['placed'] = [];
    for (const p of result.placed) {
      if (!items.has(p.item)) continue;
      if (!change || p.end <= change.start) placed.push(p);
      else if (p.start >= change.oldEnd) placed.push({ ...p, start: p.start + change.newEnd - change.oldEnd, end: p.end + change.newEnd - change.oldEnd });
    }
    return { placed, orphans: result.orphans.filter((o) => items.has(o.item)) };
  };
  return { annotations: move(shown.annotations, annotations), rejections: move(shown.rejections, rejections) };
}
