import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one line per tier, `Tier unit: N tests in N files, N s` (each file's import,
 * set-up and tests, summed: the tier's time when files run one after another), then one plain
 * line, `Tests: N passed, N failed, N skipped`, that any tool can read.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    const tiers = new Map<string, { tests: number; files: number; ms: number }>();
    for (const module of testModules) {
      const tier = tiers.get(module.project.name) ?? { tests: 0, files: 0, ms: 0 };
      const spent = module.diagnostic();
      tier.files += 1;
      tier.ms += spent.environmentSetupDuration + spent.prepareDuration + spent.collectDuration + spent.setupDuration + spent.duration;
      tiers.set(module.project.name, tier);
      for (const test of module.children.allTests()) {
        tier.tests += 1;
        const state = test.result().state;
        if (state === 'passed') count.passed += 1;
        else if (state === 'failed') count.failed += 1;
        else count.skipped += 1;
      }
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) count.failed += 1;
    }
    count.failed += unhandledErrors.length;
    for (const [name, tier] of tiers) {
      process.stdout.write(`\nTier ${name || 'default'}: ${tier.tests} tests in ${tier.files} files, ${(tier.ms / 1000).toFixed(1)} s`);
    }
    process.stdout.write(`\n\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
  }
}
