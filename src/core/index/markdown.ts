/**
 * Building Markdown for hover cards from untrusted text. Document text and users' notes can contain Markdown
 * links to `command:` URIs, HTML, theme-icon syntax `$(zap)` or code fences; every one must reach the user as
 * plain characters. CommonMark lets any ASCII punctuation be backslash-escaped, so escaping all of it is both
 * simple and complete: no construct can start. Line breaks are flattened because cards show short excerpts.
 */

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** `text` as Markdown that renders exactly as these characters, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * A link that runs one of our commands. Only commands the hover's `isTrusted.enabledCommands` allow-list names
 * are run by VS Code; the title is escaped like any other text.
 */
export function commandLink(title: string, command: string, args: readonly unknown[], tooltip?: string): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  const tip = tooltip ? ` "${tooltip.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(title)}](${uri}${tip})`;
}
