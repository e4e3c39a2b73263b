/**
 * The `yaml` library's error messages as a user should read them, for every reader of YAML files (sidecars,
 * the workspace lexicon). Its parser recurses, so absurd nesting ends in the engine's own stack overflow.
 */
import { ENGLISH, type Messages } from './ports/messages';

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

/** What to say for input nested so deeply that the parser ran out of stack. */
export function tooDeepMessage(l10n: Messages = ENGLISH): string {
  return l10n.t('nested too deeply to read (lists or mappings inside each other thousands of levels deep)');
}

/** True for an error (or its message) that is the parser running out of stack. */
export function isTooDeep(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return STACK_OVERFLOW.test(message);
}

/**
 * The first line of a parser message, without the position it appends (reported separately). The parser's own
 * messages are its library's English; only what Marginalia says itself goes through `l10n`.
 */
export function readableYamlError(error: unknown, l10n: Messages = ENGLISH): string {
  if (isTooDeep(error)) return tooDeepMessage(l10n);
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
