import { deepFreeze } from '../internal/deepFreeze.js';
import type { RiskPolicy } from './riskPolicy.js';

/**
 * The default policy of {@link classifyLoyaltyRisk}, frozen: spread it to tune one rule
 * (`{ ...defaultRiskPolicy.tiers, passive: { … } }`). Its table reads CES and NPS together as
 * `docs/loyalty-risk.md` explains: one hard interaction of a promoter is a service-recovery case
 * (`watch`, close the loop), repeated ones are real risk (`at-risk`); a detractor is `at-risk`
 * even with easy interactions (a relationship problem effort does not explain: product
 * feedback) and `critical` with any hard one (executive outreach).
 *
 * @example
 * ```ts
 * import { defaultRiskPolicy } from 'cx-metrics';
 *
 * defaultRiskPolicy.tiers.promoter; // => { easy: "stable", single: "watch", repeated: "at-risk" }
 * defaultRiskPolicy.nextSteps.detractor.easy; // => "product-feedback"
 * [defaultRiskPolicy.effortWindow.days, defaultRiskPolicy.relationshipWindow.days]; // => [90, 365]
 * ```
 */
export const defaultRiskPolicy: RiskPolicy = deepFreeze({
  relationshipWindow: { days: 365 },
  effortWindow: { days: 90 },
  halfLife: { days: 30 },
  repeatedHighEffort: 2,
  transactional: ['ces'],
  rollup: 'latest',
  accountThresholds: { detractorBelow: 0, promoterAbove: 30 },
  raiseOnDrop: true,
  tiers: {
    promoter: { easy: 'stable', single: 'watch', repeated: 'at-risk' },
    passive: { easy: 'stable', single: 'watch', repeated: 'at-risk' },
    detractor: { easy: 'at-risk', single: 'critical', repeated: 'critical' },
    unknown: { easy: 'unknown', single: 'watch', repeated: 'at-risk' },
  },
  nextSteps: {
    promoter: { easy: 'monitor', single: 'close-the-loop', repeated: 'close-the-loop' },
    passive: { easy: 'monitor', single: 'close-the-loop', repeated: 'close-the-loop' },
    detractor: { easy: 'product-feedback', single: 'executive-outreach', repeated: 'executive-outreach' },
    unknown: { easy: 'ask-relationship', single: 'close-the-loop', repeated: 'close-the-loop' },
  },
} satisfies RiskPolicy);
