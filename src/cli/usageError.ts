import { CxMetricsError } from '../errors/CxMetricsError.js';

/**
 * The command's error for a wrong argument or unreadable file (exit code 2), or with
 * `invalid_input` for bad data in a file (exit code 1): what was expected, what was received, and
 * which argument, in the library's one error shape.
 */
export function usageError(functionName: string, expected: string, received: string, where: string, code: 'invalid_option' | 'invalid_input' = 'invalid_option'): CxMetricsError {
  const message = `${functionName}: expected ${expected} (${where}), got ${received}`;
  return new CxMetricsError(code, message, [{ code: 'invalid_value', expected, received, path: [where], message }]);
}
