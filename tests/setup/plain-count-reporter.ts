import { appendFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * CI reads a plain "N passed, N failed" line, not vitest's summary. Each vitest run appends its
 * counts to the file named by OTP_GUARD_COUNTS (scripts/test.mjs adds them up and prints the line).
 */
export default class PlainCountReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  onTestCaseResult(testCase: TestCase): void {
    const state = testCase.result().state;
    if (state === 'passed') this.passed++;
    else if (state === 'failed') this.failed++;
    else this.skipped++;
  }

  onTestRunEnd(modules: readonly TestModule[], errors: readonly unknown[]): void {
    // An error outside any test (a file that fails to load, a failing beforeAll) is a failure too.
    const failedModules = modules.filter(
      (module) => module.state() === 'failed' && ![...module.children.allTests()].some((test) => test.result().state === 'failed'),
    ).length;
    const failed = this.failed + errors.length + failedModules;
    const line = `${this.passed} passed, ${failed} failed, ${this.skipped} skipped`;
    const file = process.env.OTP_GUARD_COUNTS;
    if (file) appendFileSync(file, `${JSON.stringify({ passed: this.passed, failed, skipped: this.skipped })}\n`);
    else console.log(line);
  }
}
