import { AnalysisCache } from '../analysisCache';
import type { BlockContext } from './context';
import { DateState } from './dates/dateState';
import { SpeakerState } from './speakers/speakerState';
import { TreatyState } from './treaties/treatyState';
import { TriggerTokens } from './triggerTokens';

/**
 * The caches and scratch space the recognizers reuse from one block to the next. The core keeps none at module
 * level: an owner with a clear lifetime (a document analyzer) holds one and passes it in each block's context, so
 * two analyzers, or two worker threads, never share one, and dropping the owner drops its caches. What is worth
 * keeping across documents is in `cache`, which the analyzer's host may share between its analyzers.
 */
export class RecognizerState {
  constructor(readonly cache: AnalysisCache = new AnalysisCache()) {}

  readonly dates = new DateState();
  readonly treaties = new TreatyState();
  readonly speakers = new SpeakerState();
  /** The last block's date and treaty trigger tokens, read once for both recognizers. */
  readonly triggers = new TriggerTokens();
}

/** The context's recognizer state, or a fresh one for a context without any. */
export function stateOf(ctx: BlockContext): RecognizerState {
  return ctx.state ?? new RecognizerState();
}
