/**
 * The quotes with their treaties, made once per version of the index and shared by the views that read them (the
 * Quotes view, the speaker x treaty view, the timeline): each would otherwise read every quoted document again.
 */
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { Messages } from '../ports/messages';
import { quotesWithTopics, speakerTreatyTable, type PersonTopics, type SpeakerTopics } from './quoteTopics';
import { buildTimeline, type TimelineData } from './timelineData';

export class DeskData {
  private builtAt = -1;
  private people: PersonTopics[] = [];
  private table: SpeakerTopics[] | undefined;

  constructor(readonly index: WorkspaceIndex) {}

  /** Every person with quotes, each quote with its treaties. */
  topics(): PersonTopics[] {
    if (this.builtAt !== this.index.version) {
      this.people = quotesWithTopics(this.index);
      this.table = undefined;
      this.builtAt = this.index.version;
    }
    return this.people;
  }

  /** Who spoke about which treaty. */
  speakerTreaties(): SpeakerTopics[] {
    const people = this.topics();
    return (this.table ??= speakerTreatyTable(people));
  }

  /** The timeline, narrowed to a treaty when one is given; its dates in words in the reader's language with `l10n`. */
  timeline(treaty?: string, l10n?: Messages): TimelineData {
    return buildTimeline(this.index, { treaty, quotes: this.topics(), l10n });
  }
}
