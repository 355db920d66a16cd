/**
 * `cx-metrics/schema`: zod 4 schemas generated from cx-metrics scales. zod is an optional peer
 * dependency, needed only by this entry; the root entry `cx-metrics` never loads it.
 *
 * @module
 */
export { responseSchema } from './responseSchema.js';
export { scoreSchema } from './scoreSchema.js';

export type { ResponseShape } from './responseSchema.js';
// The scale type the schemas take, so this entry's documentation is complete on its own.
export type { Band, MetricKind, Polarity, Scale, Sentiment } from '../scales/defineScale.js';
