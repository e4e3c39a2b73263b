import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * Runs the W3C annotation-model `.test` files (wpt) against one annotation, reproducing upstream
 * JSONtest.js as ../shared/datasets/w3c-annotation-model/README.md describes it: definitions registered
 * under their `id`, one Ajv (draft-04, keywords beside `$ref` applied, uri/date-time enforced) per `.test`,
 * each assertion compiled as a whole schema, its outcome compared with `expectedResult`, and
 * `onUnexpectedResult` deciding whether the rest of the list runs.
 */

export interface AssertionOutcome {
  test: string;
  ref: string;
  title: string;
  assertionType: 'must' | 'should' | 'may';
  /** The outcome was as expected (the harness's "pass"). */
  passed: boolean;
  errors?: string;
}

export interface TestFileRun {
  outcomes: AssertionOutcome[];
  /** Assertion files the .test names that are not in the stored copy. */
  missing: string[];
  /** Assertions that did not compile (an unresolved $ref upstream). */
  uncompilable: string[];
  /** Assertions not evaluated because an earlier one asked to skip or abort. */
  skipped: string[];
}

type Json = Record<string, unknown>;

export function listTestFiles(suiteRoot: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test')) out.push(p);
    }
  };
  walk(suiteRoot);
  return out;
}

function loadDefinitions(suiteRoot: string): Json[] {
  const dir = path.join(suiteRoot, 'definitions');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Json);
}

/** Path rule of JSONtest.js `_parseURI`: no `/` means beside the .test, otherwise from the suite root. */
function resolveRef(suiteRoot: string, testFile: string, ref: string): string {
  return ref.includes('/') ? path.join(suiteRoot, ref) : path.join(path.dirname(testFile), ref);
}

const definitionCache = new Map<string, Json[]>();

/** Evaluates one `.test` file against one annotation object. */
export function runTestFile(suiteRoot: string, testFile: string, annotation: unknown): TestFileRun {
  return runTestFileOnEach(suiteRoot, testFile, [annotation])[0] as TestFileRun;
}

/**
 * Evaluates one `.test` file against each annotation in turn (compiling its assertions once). The
 * skip/abort state starts afresh for every annotation, as if each were pasted into the harness page.
 */
export function runTestFileOnEach(suiteRoot: string, testFile: string, annotations: unknown[], options: { onlyMust?: boolean } = {}): TestFileRun[] {
  let defs = definitionCache.get(suiteRoot);
  if (!defs) {
    defs = loadDefinitions(suiteRoot);
    definitionCache.set(suiteRoot, defs);
  }
  // allErrors only changes error messages; the fast must-only mode for large exports stops at the first one.
  const ajv = new Ajv04({ strict: false, allErrors: !options.onlyMust, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema(structuredClone(defs));

  const test = JSON.parse(fs.readFileSync(testFile, 'utf8')) as Json;
  const name = path.relative(suiteRoot, testFile);
  const missing: string[] = [];
  const uncompilable: string[] = [];
  const entries = (test.assertions as unknown[]).flat(Infinity);
  const compiled: { ref: string; schema: Json; validate: ReturnType<typeof ajv.compile> }[] = [];
  for (const [i, entry] of entries.entries()) {
    let ref: string;
    let schema: Json;
    if (typeof entry === 'string' || (entry && typeof entry === 'object' && typeof (entry as Json).assertionFile === 'string')) {
      ref = typeof entry === 'string' ? entry : ((entry as Json).assertionFile as string);
      const file = resolveRef(suiteRoot, testFile, ref);
      if (!fs.existsSync(file)) {
        missing.push(ref);
        continue;
      }
      const loaded = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
      schema = typeof entry === 'string' ? { ...loaded, assertionFile: entry } : { ...loaded, ...(entry as Json) };
    } else {
      ref = `${name} inline #${i + 1}`;
      schema = entry as Json;
    }
    if (Array.isArray(schema.assertions) && 'compareWith' in schema) {
      throw new Error(`${name}: Condition Objects are not used by the stored tests; extend the harness before relying on ${ref}`);
    }
    const type = String(schema.assertionType ?? 'must').toLowerCase();
    // Must-only mode evaluates every MUST, even one a failed SHOULD/MAY would have skipped: stricter, never laxer.
    if (options.onlyMust && (type === 'should' || type === 'may')) continue;
    try {
      compiled.push({ ref, schema, validate: ajv.compile(schema) });
    } catch (e) {
      uncompilable.push(`${ref}: ${(e as Error).message}`);
    }
  }

  return annotations.map((annotation) => {
    const run: TestFileRun = { outcomes: [], missing: [...missing], uncompilable: [...uncompilable], skipped: [] };
    let action: 'continue' | 'skip' | 'abort' = 'continue';
    for (const { ref, schema, validate } of compiled) {
      if (action !== 'continue') {
        run.skipped.push(ref);
        continue;
      }
      const expected = (schema.expectedResult as string | undefined) ?? 'valid';
      const rawType = String(schema.assertionType ?? 'must').toLowerCase();
      const assertionType = rawType === 'should' || rawType === 'may' ? rawType : 'must';
      const valid = validate(annotation) as boolean;
      const passed = (expected === 'valid' && valid) || (expected === 'invalid' && !valid);
      run.outcomes.push({
        test: name,
        ref,
        title: String(schema.title ?? ref),
        assertionType,
        passed,
        errors: passed ? undefined : ajv.errorsText(validate.errors),
      });
      if (!passed) {
        const on = String(schema.onUnexpectedResult ?? 'failAndContinue');
        if (on === 'failAndSkip' || on === 'passAndSkip') action = 'skip';
        else if (on === 'failAndAbort' || on === 'passAndAbort') action = 'abort';
      }
    }
    return run;
  });
}
