import { inputFailure } from './readRows.js';

/**
 * Runs the body of a public entry so that whatever the caller hands in, the caller gets a
 * `CxMetricsError` back: an error that is not ours (a getter or a proxy trap that throws, a
 * revoked proxy, a callback of the caller's) becomes `source_failed` with the original as its
 * `cause`. Promises are guarded too. Our own errors pass through unchanged.
 */
export function guard<R>(functionName: string, body: () => R): R {
  try {
    const result = body();
    if (result instanceof Promise) {
      return result.catch((error: unknown) => {
        throw inputFailure(functionName, [], error);
      }) as R;
    }
    return result;
  } catch (error) {
    throw inputFailure(functionName, [], error);
  }
}
