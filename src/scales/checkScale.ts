import type { Path } from '../internal/issue.js';
import { buildScale, isDefinedScale, type Scale } from './defineScale.js';

/** Frozen scale objects from elsewhere, with the scale they were checked into. */
const checked = new WeakMap<object, Scale>();

/**
 * The scale every entry works with: a scale made by `defineScale` as it is; any other object
 * (parsed from JSON, spread, hand-written) checked by the same rules first, and refused with
 * `invalid_scale` in the caller's name and at the caller's path when it breaks one, so
 * overlapping bands can never score an answer twice.
 */
export function checkScale<S extends Scale>(functionName: string, value: unknown, path: Path): S {
  if (isDefinedScale(value)) return value as S;
  if (typeof value === 'object' && value !== null) {
    const known = checked.get(value);
    if (known !== undefined) return known as S;
  }
  const scale = buildScale(functionName, value, path);
  if (Object.isFrozen(value)) checked.set(value as object, scale);
  return scale as S;
}
