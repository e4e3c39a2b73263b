import * as os from 'node:os';
import type { DocumentDate } from '../core/recognizers/context';
import { isIsoDay } from '../core/recognizers/dates/calendar';
import { expandGlobs } from '../hosts/expandGlobs';
import { parseFileDateMode } from '../hosts/fileDate';
import { BatchDocumentSource } from '../hosts/batchDocumentSource';
import { STDIN } from '../hosts/stdinInput';
import { AnalyzeOutput, ANALYZE_FORMAT_VERSION, type AnalyzeFormat } from './analyzeOutput';
import type { AnalysisCache as Cache, analyzeFile as AnalyzeFile, AnalyzedFile, AnalyzeSettings } from './analyzeFile';
import { analyzeInWorkers } from './analyzeWorkers';
import { parseCommandArgs } from './cliArgs';
import { UsageError, type CliCommand, type CliIo } from './cliIo';
import { Progress } from './progress';

const USAGE = `Usage: marginalia analyze [--format json|jsonl|text] [--jobs N] [--document-date YYYY-MM-DD]
                         [--file-date off|modified|git-commit] <files, folders, globs or ->

Finds speakers, dates and treaty names in each document.
  --format json   {"marginalia-analyze":${ANALYZE_FORMAT_VERSION},"offsetUnit":"utf-16","documents":[{"path","documentDate":{value,source},
                  "entities":[{kind,start,end,text,id,value}]}]} on stdout (UTF-16 offsets, end exclusive, as
                  JavaScript and VS Code count them); what a person said is an entity
                  {kind:"quote",start,end,text,speaker,speakerId}; a manual annotation from the document's
                  sidecar has "source":"manual"
  --format jsonl  JSON Lines: one line per document, each an element of json's "documents"
  --format text   a readable table (default)
  --jobs N        analyse on N worker threads (default: one per processor core); the output is the same
  --document-date the date relative dates ("yesterday", "on Monday") are resolved against, for every document;
                  without it, each document's dateline or title line, else a date in its file or folder name
  --file-date     last of all, the day the file was modified, or of its last git commit (default off: a copied
                  file's time says when it was copied)
Folders are searched for .txt and .md files; a quoted pattern ('samples/*.txt', '**/*.md') is expanded; '-'
reads a document from stdin. A .marginalia/lexicon.yaml in the folder or above adds people and treaties. A
document's sidecar is applied as the editor applies it: its document.date, its annotations and its rejections.
Documents are read as UTF-8, or UTF-16 when they start with its byte-order mark. Unreadable files are reported
on stderr and make the exit code 1; files that are not documents (FIFOs, devices, binary files, files over
4 MB) are skipped with a warning. The others are still analysed. People are linked across the files (one id per
person); documents are written once the last one is analysed, held meanwhile in a temporary file. On a
terminal, a progress line is drawn on stderr.`;

export type { AnalyzedFile, AnalyzeSettings, JsonDocument, JsonEntity } from './analyzeFile';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'find speakers, dates and treaties in documents (json, jsonl or text)',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs(args, {
      format: { type: 'string', default: 'text' },
      'document-date': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      'file-date': { type: 'string', default: 'off' },
    });
    const format = values.format;
    const given = values['document-date'];
    if (format !== 'json' && format !== 'jsonl' && format !== 'text') throw new UsageError(`--format must be json, jsonl or text, not '${format}'`);
    if (positionals.length === 0) throw new UsageError('name at least one file or folder');
    if (given !== undefined && !isIsoDay(given)) throw new UsageError(`--document-date must be a date YYYY-MM-DD, not '${given}'`);
    const jobs = values.jobs === undefined ? os.availableParallelism() : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not '${values.jobs}'`);
    const documentDate: DocumentDate | undefined = given === undefined ? undefined : { value: given, source: 'option' };
    const fileDate = parseFileDateMode(values['file-date']);
    if (!fileDate) throw new UsageError(`--file-date must be off, modified or git-commit, not '${values['file-date']}'`);

    const globbed = expandGlobs(positionals.filter((p) => p !== STDIN), io.cwd);
    const source = new BatchDocumentSource({ cwd: io.cwd });
    const collected = await source.collect(globbed.paths);
    const files = positionals.includes(STDIN) ? [STDIN, ...collected.files] : collected.files;
    const problems = [...globbed.errors, ...collected.errors];
    for (const e of problems) io.stderr(`marginalia analyze: ${e}\n`);

    const output = new AnalyzeOutput(format as AnalyzeFormat, io);
    const progress = new Progress(io, 'marginalia analyze', files.length);
    const said = new Set<string>();
    let unreadable = 0;
    const take = (r: AnalyzedFile) => {
      for (const n of r.notes) {
        // A lexicon's problems come once from each worker thread: said once.
        if (said.has(n)) continue;
        said.add(n);
        io.stderr(`${progress.clear()}marginalia analyze: ${n}\n`);
      }
      if (r.error !== undefined) {
        unreadable++;
        io.stderr(`${progress.clear()}marginalia analyze: ${r.error}\n`);
      }
      output.add(r);
      progress.step();
    };
    const settings: AnalyzeSettings = { cwd: io.cwd, documentDate, fileDate };
    try {
      if (jobs > 1 && files.length > 1 && io.workerEntry) await analyzeInWorkers(files, jobs, io.workerEntry, { ...settings, spoolFolder: output.spoolFolder() }, take);
      else {
        // Loaded only here: the main thread of a batch on worker threads never evaluates the recognizers. A
        // require, not import(): the tests run this source through a CommonJS loader that cannot import() it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { analyzeFile, AnalysisCache } = require('./analyzeFile') as { analyzeFile: typeof AnalyzeFile; AnalysisCache: typeof Cache };
        const cache = new AnalysisCache();
        for (const file of files) take(await analyzeFile(file, settings, source, cache));
      }
    } catch (e) {
      output.discard();
      throw e;
    } finally {
      const cleared = progress.clear();
      if (cleared) io.stderr(cleared);
    }
    await output.finish();
    return problems.length > 0 || unreadable > 0 ? 1 : 0;
  },
};
