import { UsageError, type CliCommand, type CliIo } from './cli/cliIo';
import { analyzeCommand } from './cli/analyzeCommand';
import { annotateCommand } from './cli/annotateCommand';
import { checkCommand } from './cli/checkCommand';
import { exportCommand } from './cli/exportCommand';
import { importCommand } from './cli/importCommand';

/** Every subcommand of `marginalia`. Each lives in its own file under src/cli/. */
const COMMANDS: CliCommand[] = [
  analyzeCommand,
  annotateCommand,
  checkCommand,
  exportCommand,
  importCommand,
];

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`marginalia: unknown command '${name}'\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`marginalia ${name}: ${e.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`marginalia ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: marginalia <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'marginalia <command> --help' for a command's options.\n`;
}

if (require.main === module) {
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`marginalia: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
