import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, started first so that they do not run alone at the end while the
 * other core sits idle. Vitest's own order (the last run's durations, else file size) cannot be
 * trusted for them: a fresh checkout has no durations, and a run of one test (`-t`) records the
 * whole file as taking seconds (safety.test.ts, started last for that reason, made the suite wait
 * three minutes for it alone).
 */
const SLOWEST_FIRST = ['tests/integration/server/safety.test.ts', 'tests/integration/chaos.test.ts'];

export default class SlowestFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = SLOWEST_FIRST.flatMap((path) => sorted.filter((f) => f.moduleId.endsWith(`/${path}`)));
    return [...first, ...sorted.filter((f) => !first.includes(f))];
  }
}
