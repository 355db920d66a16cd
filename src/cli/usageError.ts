import { CxMetricsError } from '../errors/CxMetricsError.js';

/**
 * The command's error for a wrong argument or file (exit code 2): what was expected, what was
 * received, and which argument, in the library's one error shape.
 */
export function usageError(functionName: string, expected: string, received: string, where: string): CxMetricsError {
  const message = `${functionName}: expected ${expected} (${where}), got ${received}`;
  return new CxMetricsError('invalid_option', message, [{ code: 'invalid_value', expected, received, path: [where], message }]);
}
