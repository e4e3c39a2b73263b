/**
 * Command-line arguments, parsed by Node's own `util.parseArgs` (strict: an unknown option or a missing value is
 * an error, never a positional), with its errors rewritten as short usage errors that name the option.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cliIo';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options and positionals of one command; `-` is a positional (stdin), `--` ends the options. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(describeArgsError(e));
  }
}

/** parseArgs's message in the CLI's words: `unknown option '--x'`, `--x needs a value`, `--x takes no value`. */
export function describeArgsError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  const code = (e as { code?: string }).code;
  if (option && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (option && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('does not take an argument') ? `${option} takes no value` : `${option} needs a value`;
  }
  return message;
}

/** `--name value` and `--name=value` string options, the given names only; everything else is positional. */
export function parseOptions(args: string[], known: string[]): { positional: string[]; options: Partial<Record<string, string>> } {
  const spec: Options = {};
  for (const name of known) spec[name] = { type: 'string' };
  const { values, positionals } = parseCommandArgs(args, spec);
  return { positional: positionals, options: values as Partial<Record<string, string>> };
}

/** The arguments before `--`: where `-h`/`--help` asks for help rather than naming a file. */
export function optionArgs(args: string[]): string[] {
  const end = args.indexOf('--');
  return end < 0 ? args : args.slice(0, end);
}
