import { appendFileSync } from 'node:fs';
import type { Reporter, TestCase } from 'vitest/node';

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

  onTestRunEnd(_modules: unknown, errors: readonly unknown[]): void {
    // An error outside any test (a file that fails to load) is a failure too.
    const failed = this.failed + errors.length;
    const line = `${this.passed} passed, ${failed} failed, ${this.skipped} skipped`;
    const file = process.env.OTP_GUARD_COUNTS;
    if (file) appendFileSync(file, `${JSON.stringify({ passed: this.passed, failed, skipped: this.skipped })}\n`);
    else console.log(line);
  }
}
