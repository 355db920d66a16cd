import { guard } from '../internal/guard.js';
import { fail } from '../internal/issue.js';
import type { Scale } from './defineScale.js';

/**
 * Whether two scales are the same scale: the same object, or equal in id, metric, range, polarity
 * and bands (labels are wording and do not count). A scale read back from JSON is the same scale as
 * the preset it was written from; CES 1.0 and CES 2.0 never are.
 *
 * @param a - one scale
 * @param b - the other
 * @returns true when answers on `a` and on `b` may be combined
 *
 * @example
 * ```ts
 * import { isSameScale, scales } from 'cx-metrics';
 *
 * isSameScale(scales.ces5, scales.ces5Effort); // => false
 * isSameScale(scales.nps, JSON.parse(JSON.stringify(scales.nps))); // => true
 * ```
 */
export function isSameScale(a: Scale, b: Scale): boolean {
  return guard('isSameScale', () => {
    if (a === b) return true;
    const isScale = (value: unknown): boolean => typeof value === 'object' && value !== null && Array.isArray((value as Scale).bands);
    // Anything that is not a scale is not the same scale as anything.
    if (!isScale(a) || !isScale(b)) return false;
    if (a.id !== b.id || a.metric !== b.metric || a.min !== b.min || a.max !== b.max || a.polarity !== b.polarity || a.bands.length !== b.bands.length) return false;
    return a.bands.every((band, index) => {
      const other = b.bands[index];
      return other !== undefined && band.name === other.name && band.min === other.min && band.max === other.max && band.sentiment === other.sentiment;
    });
  });
}

/** Throws `scale_mismatch` unless the two scales may be combined. */
export function assertSameScale(functionName: string, expected: Scale, received: Scale, path: readonly (string | number)[]): void {
  if (!isSameScale(expected, received)) {
    fail(functionName, 'scale_mismatch', 'mismatch', `answers on scale '${expected.id}' (${differences(expected, received)}convert explicitly with convertTally)`, `scale '${received.id}'`, path);
  }
}

/** What two scales of one id differ in, for the message: ids alone would read "expected 'nps', got 'nps'". */
function differences(a: Scale, b: Scale): string {
  if (a.id !== b.id) return '';
  const parts: string[] = [];
  if (a.metric !== b.metric) parts.push(`metric ${String(b.metric)} instead of ${String(a.metric)}`);
  if (a.min !== b.min || a.max !== b.max) parts.push(`points ${b.min}–${b.max} instead of ${a.min}–${a.max}`);
  if (a.polarity !== b.polarity) parts.push(`${b.polarity} instead of ${a.polarity}`);
  const bands = (scale: Scale): string => scale.bands.map((band) => `${band.name} ${band.min}–${band.max} ${band.sentiment}`).join(', ');
  if (bands(a) !== bands(b)) parts.push(`bands ${bands(b)} instead of ${bands(a)}`);
  return parts.length === 0 ? '' : `this '${b.id}' has ${parts.join('; ')}; `;
}

/** Throws `scale_mismatch` when a scale says it is for another metric. */
export function assertScaleMetric(functionName: string, scale: Scale, metric: NonNullable<Scale['metric']>): void {
  if (scale.metric !== undefined && scale.metric !== metric) {
    fail(functionName, 'scale_mismatch', 'mismatch', `a scale for ${metric.toUpperCase()} (or one that names no metric)`, `scale '${scale.id}', made for ${scale.metric.toUpperCase()}`, ['scale']);
  }
}
