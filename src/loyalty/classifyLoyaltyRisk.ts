import { guard } from '../internal/guard.js';
import { forEachRow, rowSource, type Rows } from '../internal/readRows.js';
import type { ResponseRecord } from '../records/ResponseRecord.js';
import { LOYALTY_OPTION_NAMES, LoyaltyCollector, type LoyaltyRiskOptions } from './LoyaltyCollector.js';
import type { LoyaltyRiskResult } from './LoyaltyRiskResult.js';

/**
 * Classifies every customer's loyalty risk by reading transactional CES together with relational
 * NPS, so that one hard interaction is not taken for a disloyal customer. CES measures one
 * interaction and NPS the whole relationship; a high-effort service interaction drives
 * disloyalty (96 % of customers with one become more disloyal, against 9 % after a low-effort
 * one: Dixon, Freeman & Toman, HBR 2010), but a promoter with one hard call is a
 * service-recovery case, while repeated hard interactions, or hard ones on top of a detractor
 * relationship, are real risk, and a detractor whose interactions were easy has a problem that
 * effort does not explain.
 *
 * For each customer (the records' `customerId`, else their `respondentId`):
 * - **relationship**: the latest NPS answer in the relationship window (default 365 days before
 *   `asOf`) by the scale's bands: `promoter`, `passive` or `detractor`; `stale` when the latest is
 *   older, `unknown` when there is none. Several respondents of one account: `policy.rollup`.
 * - **effort**: transactional answers (CES; CSAT too with `policy.transactional`) in the effort
 *   window (default 90 days), each judged by its own scale's bands and direction: an answer in
 *   a negative band is high effort (a CES 1.0 `5` of 5 and a CES 2.0 `2` of 7 both are).
 *   `none`, `easy`, `single` or `repeated` (at least `policy.repeatedHighEffort`, default 2).
 * - **tier** from the policy table (relationship × effort), raised by one when the latest NPS
 *   answer is a lower category than the one before it; with reasons (codes and sentences),
 *   evidence (the answers used, with their rows) and a next step.
 *
 * Deterministic: `asOf` defaults to the latest time in the records, never the wall clock; the
 * order of the records never matters (ties in time go to the later row of the export). Every
 * record is accounted for in `summary.records`. Customers come in worklist order.
 * See `docs/loyalty-risk.md` for the evidence, the default policy and how to tune and check it.
 *
 * @param records - response records made by {@link ingest} (NPS, CES and CSAT answers of many customers, in any order)
 * @param options - `asOf`, `policy`, `by` (segments for the summary), `timeZone` (of the dates in reasons)
 * @returns `{ asOf, policy, customers, summary }`
 * @throws {@link CxMetricsError} `invalid_option` for a bad option or policy (unknown key, unknown tier, a window that is not a positive number of days, a table with a missing cell), `invalid_input` for rows that are not records
 *
 * @example
 * ```ts
 * import { classifyLoyaltyRisk, ingest, scales } from 'cx-metrics';
 *
 * const nps = ingest([
 *   { score: 10, customerId: 'A', submittedAt: '2026-09-02T10:00:00Z' },
 *   { score: 3, customerId: 'B', submittedAt: '2026-09-05T10:00:00Z' },
 * ], { scale: scales.nps }).records;
 * const ces = ingest([
 *   { score: 2, customerId: 'A', interactionId: 'T-118', submittedAt: '2026-11-20T10:00:00Z' },
 *   { score: 6, customerId: 'A', interactionId: 'T-120', submittedAt: '2026-11-21T10:00:00Z' },
 *   { score: 6, customerId: 'B', interactionId: 'T-119', submittedAt: '2026-11-20T10:00:00Z' },
 * ], { scale: scales.ces7 }).records;
 * const result = classifyLoyaltyRisk([...nps, ...ces]);
 * result.customers.map((customer) => [customer.customerId, customer.tier, customer.nextStep]); // => [["B", "at-risk", "product-feedback"], ["A", "watch", "close-the-loop"]]
 * result.customers[1]?.explanation; // => "promoter (10 on 2026-09-02); one high-effort interaction (CES 2 of 7, difficult, on 2026-11-20, interaction T-118) among 2 interactions in the 90 days up to 2026-11-21"
 * ```
 */
export function classifyLoyaltyRisk(records: Rows<ResponseRecord>, options?: LoyaltyRiskOptions): LoyaltyRiskResult {
  return guard('classifyLoyaltyRisk', () => {
    const fn = 'classifyLoyaltyRisk';
    const collector = new LoyaltyCollector(fn, options, LOYALTY_OPTION_NAMES);
    forEachRow(fn, rowSource<ResponseRecord>(fn, records, ['records'], false, 'records'), ['records'], collector);
    return collector.finish();
  });
}
