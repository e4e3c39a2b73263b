/**
 * "Marginalia: Show Timeline": a webview of the workspace's dates and dated quotes on a time axis (see
 * src/core/desk/timelineData.ts for what is on it and timelineSvg.ts for the markup), coloured by person or by
 * treaty, narrowed to a treaty, with the same items as a table. This file is the glue: it renders the markup
 * into a page with a strict Content Security Policy (no remote content, only its own nonce'd style and script),
 * and answers the page's messages: reveal an item's place, colour by, filter by treaty.
 */
import * as vscode from 'vscode';
import type { DeskData } from '../../core/desk/deskData';
import type { TimelineData } from '../../core/desk/timelineData';
import { escapeHtml, TABLE_PAGE_ROWS, TIMELINE_CSS, timelineRows, timelineSvg, timelineTable, type ColourBy, type TimelineMarkupOptions } from '../../core/desk/timelineSvg';
import type { Command } from '../command';
import { documentName } from '../servedDocuments';
import { PAGE_SCRIPT, PAGE_CSS } from './timelinePage';

export const TIMELINE_VIEW = 'marginalia.timeline';
const REFRESH_DEBOUNCE_MS = 300;

interface PanelState {
  colourBy: ColourBy;
  treaty: string | undefined;
  /** Rows of the table the user has asked for: kept when the panel renders again as the index fills. */
  rows: number;
}

export class TimelinePanel {
  private panel: vscode.WebviewPanel | undefined;
  private readonly state: PanelState = { colourBy: 'person', treaty: undefined, rows: TABLE_PAGE_ROWS };
  private shown: TimelineData | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly desk: DeskData) {}

  /** Opens (or shows) the panel; returns the data on screen, for tests. */
  show(options: { treaty?: string; colourBy?: ColourBy } = {}): TimelineData {
    if (options.treaty !== undefined) this.setTreaty(options.treaty || undefined);
    if (options.colourBy) this.state.colourBy = options.colourBy;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(TIMELINE_VIEW, vscode.l10n.t('Marginalia Timeline'), vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
      this.panel.onDidChangeViewState(() => {
        if (this.panel?.visible) this.render();
      });
    } else this.panel.reveal();
    return this.render();
  }

  /** The index changed: render again soon, if the panel is open. */
  refreshSoon(): void {
    if (!this.panel || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.panel?.visible) this.render();
    }, REFRESH_DEBOUNCE_MS);
  }

  private render(): TimelineData {
    const data = this.desk.timeline(this.state.treaty, vscode.l10n);
    this.shown = data;
    if (this.panel) this.panel.webview.html = this.page(data);
    return data;
  }

  private async onMessage(m: unknown): Promise<void> {
    if (typeof m !== 'object' || m === null) return;
    const msg = m as { type?: unknown; item?: unknown; value?: unknown; from?: unknown };
    if (msg.type === 'reveal' && typeof msg.item === 'number') {
      const place = this.shown?.items[msg.item]?.places[0];
      if (place) await vscode.commands.executeCommand('marginalia.revealMention', place.uri, place.start, place.end);
    } else if (msg.type === 'colourBy' && (msg.value === 'person' || msg.value === 'treaty')) {
      this.state.colourBy = msg.value;
      this.render();
    } else if (msg.type === 'treaty' && typeof msg.value === 'string') {
      this.setTreaty(msg.value || undefined);
      this.render();
    } else if (msg.type === 'rows' && typeof msg.from === 'number' && this.shown) {
      const from = Math.max(0, Math.floor(msg.from));
      const next = Math.min(from + TABLE_PAGE_ROWS, this.shown.items.length);
      const html = timelineRows(this.shown, this.markupOptions(), from, next);
      this.state.rows = Math.max(this.state.rows, next);
      await this.panel?.webview.postMessage({ type: 'rows', html, next, more: this.moreLabel(this.shown.items.length - next) });
    }
  }

  /** Another treaty is another list: its table starts again at one page. */
  private setTreaty(treaty: string | undefined): void {
    if (treaty !== this.state.treaty) this.state.rows = TABLE_PAGE_ROWS;
    this.state.treaty = treaty;
  }

  private markupOptions(): TimelineMarkupOptions {
    const index = this.desk.index;
    return {
      colourBy: this.state.colourBy,
      treatyName: (k: string) => index.displayName(k),
      documentName: (u: string) => documentName(u),
      // The markup's words (lane names, captions, headers, each item's description for screen readers).
      say: (message: string, ...args: Array<string | number>) => vscode.l10n.t(message, ...args),
    };
  }

  /** The label of the button that shows more rows, or '' when none are left. */
  private moreLabel(left: number): string {
    if (left <= 0) return '';
    return vscode.l10n.t('Show the next {0} rows of the table ({1} not shown)', Math.min(left, TABLE_PAGE_ROWS), left);
  }

  private page(data: TimelineData): string {
    const nonce = makeNonce();
    const options = this.markupOptions();
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'`;
    const pressed = (c: ColourBy) => `aria-pressed="${this.state.colourBy === c}"`;
    const treatyOptions = [`<option value="">${escapeHtml(vscode.l10n.t('All treaties'))}</option>`]
      .concat(data.treaties.map((t) => `<option value="${escapeHtml(t.key)}"${t.key === this.state.treaty ? ' selected' : ''}>${escapeHtml(t.name)}</option>`))
      .join('');
    const quotes = data.items.filter((i) => i.kind === 'quote').length;
    const dates = data.items.length - quotes;
    const summary = vscode.l10n.t(
      'On the axis: {0} and {1}; not placed (no year, or an undated document): {2}.',
      dates === 1 ? vscode.l10n.t('1 date') : vscode.l10n.t('{0} dates', dates),
      quotes === 1 ? vscode.l10n.t('1 quote') : vscode.l10n.t('{0} quotes', quotes),
      data.unplaced,
    );
    const rows = this.state.rows;
    const more = this.moreLabel(data.items.length - rows);
    return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(vscode.l10n.t('Marginalia Timeline'))}</title>
<style nonce="${nonce}">${TIMELINE_CSS}\n${PAGE_CSS}</style></head>
<body>
<div class="toolbar" role="toolbar" aria-label="${escapeHtml(vscode.l10n.t('Timeline options'))}">
<span id="colour-label">${escapeHtml(vscode.l10n.t('Colour by'))}</span>
<button type="button" data-colour="person" ${pressed('person')}>${escapeHtml(vscode.l10n.t('Person'))}</button>
<button type="button" data-colour="treaty" ${pressed('treaty')}>${escapeHtml(vscode.l10n.t('Treaty'))}</button>
<label for="treaty">${escapeHtml(vscode.l10n.t('Treaty'))}</label> <select id="treaty">${treatyOptions}</select>
</div>
<p class="summary" role="status">${escapeHtml(summary)} ${escapeHtml(vscode.l10n.t('Dates are diamonds, quotes circles; a treaty\u2019s items are the ones whose paragraph names it.'))}</p>
<div class="chart">${timelineSvg(data, options)}</div>
${timelineTable(data, options, rows)}
${more ? `<button type="button" id="mg-more" data-more="${rows}">${escapeHtml(more)}</button>` : ''}
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body></html>`;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
  }
}

function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars.charAt(Math.floor(Math.random() * chars.length));
  return s;
}

/** The command, and the panel (for the test API). */
export function registerTimeline(desk: DeskData, onDidUpdate: vscode.Event<unknown>): { panel: TimelinePanel; command: Command; disposable: vscode.Disposable } {
  const panel = new TimelinePanel(desk);
  const command: Command = {
    id: 'marginalia.showTimeline',
    /** With a treaty key, opens narrowed to it (tests, the speaker x treaty view); returns what is shown. */
    execute: (treaty?: unknown, colourBy?: unknown) =>
      panel.show({ treaty: typeof treaty === 'string' ? treaty : undefined, colourBy: colourBy === 'person' || colourBy === 'treaty' ? colourBy : undefined }),
  };
  return { panel, command, disposable: vscode.Disposable.from(panel, onDidUpdate(() => panel.refreshSoon())) };
}
