import { existsSync, readFileSync } from 'node:fs';

/** The shared reference file, beside the repository (as CI and the team have it). */
export const sharedReferencePath: URL = new URL('../../../shared/reference/statistics.json', import.meta.url);

/** A copy kept in the repository, so a fresh clone without the shared folder still runs; test/reference.test.ts keeps it identical. */
export const copyReferencePath: URL = new URL('../reference/statistics.json', import.meta.url);

/** The published reference values: the shared file when it is there, else the copy. */
export const referencePath: URL = existsSync(sharedReferencePath) ? sharedReferencePath : copyReferencePath;

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
