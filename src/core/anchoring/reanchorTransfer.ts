/**
 * Re-anchoring in another thread (a Node worker, a browser Worker): what is sent there and back, and the worker's
 * side of it. Only selectors go over and only indices come back, so the caller keeps its own item objects (the
 * features compare annotations by identity) and the messages stay small.
 */
import type { Selectors } from '../model/annotation';
import { reanchor, type Anchorable, type Orphan, type PlacementStatus, type ReanchorResult } from './reanchor';

/** A request: each list is placed on `text` on its own, as {@link reanchor} does. */
export interface ReanchorRequest {
  id: number;
  text: string;
  lists: Selectors[][];
}

/** One list's result, by index into the list that was sent. */
export interface CompactResult {
  placed: Array<{ index: number; start: number; end: number; status: PlacementStatus }>;
  orphans: Array<{ index: number } & Omit<Orphan<unknown>, 'item'>>;
}

export type ReanchorReply = { id: number; results: CompactResult[] } | { id: number; error: string };

/** The worker's side: answers one request. Never throws; a failure is an `error` reply. */
export function answerReanchor(request: ReanchorRequest): ReanchorReply {
  try {
    return { id: request.id, results: request.lists.map((selectors) => compact(selectors, request.text)) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}

function compact(list: readonly Selectors[], text: string): CompactResult {
  const items = list.map((selectors, index) => ({ id: String(index), selectors }));
  const { placed, orphans } = reanchor(items, text);
  return {
    placed: placed.map((p) => ({ index: Number(p.item.id), start: p.start, end: p.end, status: p.status })),
    orphans: orphans.map(({ item, ...rest }) => ({ index: Number(item.id), ...rest })),
  };
}

/**
 * Settles the request a worker's reply answers: `take(id)` hands over the pending request (undefined once it was
 * rejected or stopped), which gets the results or the worker's error. Both hosts' re-anchoring clients use it.
 */
export function settleReanchorReply(
  reply: ReanchorReply,
  take: (id: number) => { resolve(results: CompactResult[]): void; reject(error: Error): void } | undefined,
): void {
  const pending = take(reply.id);
  if (!pending) return;
  if ('error' in reply) pending.reject(new Error(`re-anchoring failed in the worker: ${reply.error}`));
  else pending.resolve(reply.results);
}

/** The caller's side: a compact result for `items` (the list it sent the selectors of) as {@link reanchor} returns it. */
export function expandResult<T extends Anchorable>(items: readonly T[], result: CompactResult): ReanchorResult<T> {
  const item = (index: number): T => {
    const found = items[index];
    if (found === undefined) throw new Error(`re-anchoring answered for item ${index} of ${items.length}`);
    return found;
  };
  return {
    placed: result.placed.map(({ index, ...p }) => ({ item: item(index), ...p })),
    orphans: result.orphans.map(({ index, ...o }) => ({ item: item(index), ...o })),
  };
}
