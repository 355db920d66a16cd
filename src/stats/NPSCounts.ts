import { checkNumber } from '../internal/options.js';
import { fail } from '../internal/issue.js';

/** Answers in each NPS band. Counts may be fractional when they are weighted (shares × effective n). */
export interface NPSCounts {
  /** Answers 0–6. */
  readonly detractors: number;
  /** Answers 7–8. */
  readonly passives: number;
  /** Answers 9–10. */
  readonly promoters: number;
}

/** Checks band counts: finite, non-negative, and not all zero. Returns their total. */
export function checkNPSCounts(functionName: string, counts: NPSCounts): number {
  if (typeof counts !== 'object' || counts === null) fail(functionName, 'invalid_argument', 'invalid_value', 'counts { detractors, passives, promoters }', counts, ['counts']);
  const describe = 'a count of at least 0';
  const detractors = checkNumber(functionName, counts.detractors, ['counts', 'detractors'], { min: 0, describe });
  const passives = checkNumber(functionName, counts.passives, ['counts', 'passives'], { min: 0, describe });
  const promoters = checkNumber(functionName, counts.promoters, ['counts', 'promoters'], { min: 0, describe });
  const n = detractors + passives + promoters;
  if (!(n > 0)) fail(functionName, 'invalid_argument', 'out_of_range', 'at least one answer in total', n, ['counts']);
  return n;
}

/** The trinomial variance of NPS on its natural scale: pP + pD − (pP − pD)². */
export function trinomialVariance(counts: NPSCounts, n: number): number {
  const promoterShare = counts.promoters / n;
  const detractorShare = counts.detractors / n;
  const net = promoterShare - detractorShare;
  // Rounding can leave −1e−17 when every answer is in one band.
  return Math.max(0, promoterShare + detractorShare - net * net);
}
