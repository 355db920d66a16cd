import { isWeight, WEIGHT_EXPECTED } from '../internal/isWeight.js';
import type { Scale } from '../scales/defineScale.js';
import { parseISOTimestamp } from './parseTimestamp.js';
import { MAX_TEXT_LENGTH, type ResponseInput } from './ResponseInput.js';

/** A problem found in a response input, with its path. */
export interface InputProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const TEXT_FIELDS = ['customerId', 'interactionId', 'touchpoint', 'channel'] as const;

/** Whether a value is an integer on the scale (the one rule shared with the zod schema's `score`). */
export function isScorePoint(value: unknown, scale: Scale): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= scale.min && value <= scale.max;
}

/** Whether a string is an ISO 8601 timestamp in the accepted forms (shared with the zod schema). */
export function isISOTimestamp(value: string): boolean {
  return parseISOTimestamp(value) !== undefined;
}

/** An object that is not an array: what a JSON object parses to (zod's `z.object` test). */
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain object: no constructor, or one whose prototype is Object-like (zod's `z.record` test,
 * which refuses class instances and dates).
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const constructor: unknown = value['constructor'];
  if (typeof constructor !== 'function') return true;
  const prototype: unknown = (constructor as { prototype?: unknown }).prototype;
  return isObject(prototype) && Object.prototype.hasOwnProperty.call(prototype, 'isPrototypeOf');
}

/**
 * Checks the wire form of a response, field by field, and returns the clean value (unknown keys
 * dropped) or every problem. The rules are those of the zod schema in `cx-metrics/schema`; a
 * property test holds the two to the same verdicts.
 */
export function validateResponseInput(value: unknown, scale: Scale): { value: ResponseInput } | { problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  if (!isObject(value)) return { problems: [{ path: [], message: 'expected an object' }] };
  const text = (key: string, required: boolean): string | undefined => {
    const field = value[key];
    if (field === undefined && !required) return undefined;
    if (typeof field !== 'string' || field.length > MAX_TEXT_LENGTH || (required && field.length === 0)) {
      problems.push({ path: [key], message: `expected a ${required ? 'non-empty ' : ''}string of at most ${MAX_TEXT_LENGTH} characters` });
    }
    return field as string;
  };
  const respondentId = text('respondentId', true);
  const score = value['score'];
  if (score !== null && !isScorePoint(score, scale)) problems.push({ path: ['score'], message: `expected an integer from ${scale.min} to ${scale.max}, or null` });
  const submittedAt = value['submittedAt'];
  if (submittedAt !== undefined && (typeof submittedAt !== 'string' || !isISOTimestamp(submittedAt))) {
    problems.push({ path: ['submittedAt'], message: 'expected an ISO 8601 timestamp such as 2026-03-01T09:30:00Z' });
  }
  const weight = value['weight'];
  if (weight !== undefined && !isWeight(weight)) {
    problems.push({ path: ['weight'], message: `expected ${WEIGHT_EXPECTED}` });
  }
  const optional: Record<string, string | undefined> = {};
  for (const key of TEXT_FIELDS) optional[key] = text(key, false);
  const attributes = value['attributes'];
  if (attributes !== undefined) {
    if (!isPlainObject(attributes)) problems.push({ path: ['attributes'], message: 'expected an object of attributes' });
    else {
      for (const key of Reflect.ownKeys(attributes)) {
        // As zod's record does: `__proto__` is dropped, non-enumerable keys are not looked at.
        if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(attributes, key)) continue;
        const item = typeof key === 'string' ? attributes[key] : undefined;
        const ok = typeof key === 'string' && (item === null || typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item)));
        if (!ok) problems.push({ path: ['attributes', String(key)], message: 'expected a string, finite number, boolean or null' });
      }
    }
  }
  if (problems.length > 0) return { problems };
  const clean: Record<string, unknown> = { respondentId, score };
  for (const [key, field] of [['submittedAt', submittedAt], ['weight', weight], ...Object.entries(optional)] as const) if (field !== undefined) clean[key] = field;
  if (attributes !== undefined) {
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(attributes as object)) if (key !== '__proto__') copy[key] = (attributes as Record<string, unknown>)[key];
    clean['attributes'] = copy;
  }
  return { value: clean as unknown as ResponseInput };
}
