import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { optionArgs } from './cli/cliArgs';
import type { WorkerSettings } from './cli/analyzeWorkers';
import { UsageError, WORKER_DATA_KEY, type CliCommand, type CliIo } from './cli/cliIo';

/**
 * Every subcommand of `marginalia`, each in its own file under src/cli/, loaded when it runs: a process evaluates
 * the code of its own command only (`analyze` no sidecar store, YAML writer or export formats).
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  analyze: async () => (await import('./cli/analyzeCommand')).analyzeCommand,
  annotate: async () => (await import('./cli/annotateCommand')).annotateCommand,
  check: async () => (await import('./cli/checkCommand')).checkCommand,
  export: async () => (await import('./cli/exportCommand')).exportCommand,
  import: async () => (await import('./cli/importCommand')).importCommand,
};

/** Runs `marginalia argv...`; resolves to the exit code (2: bad arguments, 1: a file or the work failed). */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // Nothing asked: the help goes where errors go, and the exit code says it was not a run.
    io.stderr(await helpText());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${version()}\n`);
    return 0;
  }
  if (name.startsWith('-')) {
    io.stderr(`marginalia: unknown option '${name}'\n\n${await helpText()}`);
    return 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`marginalia: unknown command '${name}'\n\n${await helpText()}`);
    return 2;
  }
  const command = await load();
  const asked = optionArgs(rest);
  if (asked.includes('--help') || asked.includes('-h')) {
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

// The bundles get package.json's version from esbuild.js; run from source (tests, tsx), the file is read.
declare const __VERSION__: string | undefined;
function version(): string {
  if (typeof __VERSION__ === 'string') return __VERSION__;
  return (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function helpText(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: marginalia <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nOptions:\n  -h, --help     this help; 'marginalia <command> --help' for a command's options\n  -V, --version  the version\n`;
}

const analyzeWorker = isMainThread ? undefined : (workerData as Record<string, WorkerSettings> | undefined)?.[WORKER_DATA_KEY];
if (analyzeWorker) {
  void import('./cli/analyzeWorker').then((m) => m.serveAnalyzeWorker(analyzeWorker));
} else if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: the output is no longer wanted, which is no error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  const io: CliIo = {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (b) => {
      process.stdout.write(b);
      // A file, or a pipe on Linux, is written synchronously: nothing is left queued.
      return process.stdout.writableLength === 0;
    },
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
    drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : undefined),
    workerEntry: require.main.filename,
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
