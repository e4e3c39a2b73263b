import * as Mocha from 'mocha';
import { RESULTS_FILE_ENV, writeCounts } from '../test/results';

/**
 * Mocha's `spec` output for people, plus the counts written to the file named by MARGINALIA_RESULTS_FILE
 * for the harness's summary line. A hook failure counts as a failure (mocha's stats do the same).
 */
class ResultsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env[RESULTS_FILE_ENV];
      const stats = runner.stats;
      if (file && stats) writeCounts(file, { passed: stats.passes, failed: stats.failures, skipped: stats.pending });
    });
  }
}

// Mocha loads a reporter with require() and expects the constructor as the module itself.
module.exports = ResultsReporter;
