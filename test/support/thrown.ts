import { CxMetricsError } from 'cx-metrics';

/** The CxMetricsError a call throws; fails the test when it throws something else or nothing. */
export function thrown(run: () => unknown): CxMetricsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error('expected a CxMetricsError, nothing was thrown');
}
