import { readFileSync } from 'node:fs';

/** The published reference values (a copy of shared/reference/statistics.json, checked against it in test/reference.test.ts). */
export const referencePath: URL = new URL('../reference/statistics.json', import.meta.url);

interface Counts {
  readonly detractors: number;
  readonly passives: number;
  readonly promoters: number;
}

/** The shape of the reference file. */
export interface Reference {
  readonly npsVariance: readonly { counts: Counts; variance: number; standardError: number; tolerance: number; source: string }[];
  readonly npsScoreInterval: readonly { counts: Counts; nps: number; lower: number; upper: number; tolerance: number; source: string }[];
  readonly wilson: readonly { successes: number; n: number; lower: number; upper: number; tolerance: number; source: string }[];
  readonly agrestiCoull: readonly { successes: number; n: number; z: number; lower: number; upper: number; tolerance: number; source: string }[];
  readonly tInterval: readonly { n: number; mean: number; sd: number; lower: number; upper: number; tolerance: number; source: string }[];
  readonly newcombeDifference: readonly { a: { successes: number; n: number }; b: { successes: number; n: number }; lower: number; upper: number; tolerance: number; source: string }[];
  readonly kish: readonly { weights: number[]; effectiveN: number; tolerance: number; source: string }[];
}

export const reference: Reference = JSON.parse(readFileSync(referencePath, 'utf8')) as Reference;
