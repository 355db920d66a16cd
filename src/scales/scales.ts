import { defineScale, type Scale } from './defineScale.js';

const agreement7 = {
  1: 'Strongly disagree',
  2: 'Disagree',
  3: 'Somewhat disagree',
  4: 'Neither agree nor disagree',
  5: 'Somewhat agree',
  6: 'Agree',
  7: 'Strongly agree',
} as const;

/** The shape of the {@link scales} object: each preset keeps its literal id, range and band names. */
export interface Scales {
  /** Net Promoter Score: 0–10 likelihood to recommend; detractor 0–6, passive 7–8, promoter 9–10. */
  readonly nps: Scale<'nps', 0, 10, 'detractor' | 'passive' | 'promoter'>;
  /** CSAT on 1–3; satisfied is the top point. */
  readonly csat3: Scale<'csat3', 1, 3, 'dissatisfied' | 'neutral' | 'satisfied'>;
  /** CSAT on 1–5; satisfied is the top two points (top-2-box, 4–5), dissatisfied 1–2. */
  readonly csat5: Scale<'csat5', 1, 5, 'dissatisfied' | 'neutral' | 'satisfied'>;
  /** CSAT on 1–7; satisfied is the top two points (6–7). */
  readonly csat7: Scale<'csat7', 1, 7, 'dissatisfied' | 'neutral' | 'satisfied'>;
  /** CSAT on 1–10; satisfied is the top three points (8–10). CustomerGauge uses 9–10: pass `satisfied` to `computeCSAT`. */
  readonly csat10: Scale<'csat10', 1, 10, 'dissatisfied' | 'neutral' | 'satisfied'>;
  /** CES 2.0 (Gartner): agreement with "made it easy" on 1–7, higher is better; easy 5–7, neutral 4, difficult 1–3. */
  readonly ces7: Scale<'ces7', 1, 7, 'difficult' | 'neutral' | 'easy'>;
  /** CES agreement on 1–5 (Delighted style), higher is better; easy 4–5, difficult 1–2. */
  readonly ces5: Scale<'ces5', 1, 5, 'difficult' | 'neutral' | 'easy'>;
  /** CES 1.0 (CEB 2010): effort on 1–5, **lower is better**; easy 1–2, difficult 4–5. */
  readonly ces5Effort: Scale<'ces5Effort', 1, 5, 'easy' | 'neutral' | 'difficult'>;
  /** Effort on 1–10, **lower is better**; easy 1–3, difficult 8–10 (a default: pass `easy`/`difficult` to `computeCES`). */
  readonly ces10Effort: Scale<'ces10Effort', 1, 10, 'easy' | 'neutral' | 'difficult'>;
}

/**
 * Frozen presets for the scales in common use, each knowing its direction and bands
 * (definitions and sources: `docs/scales.md`). Two CES variants are separate scales on purpose:
 * a CES 1.0 "2" (low effort) is a good answer, a CES 2.0 "2" (disagree that it was easy) a bad one,
 * and cx-metrics refuses to mix them.
 *
 * @example
 * ```ts
 * import { scales } from 'cx-metrics';
 *
 * scales.nps.bands.map((band) => `${band.name} ${band.min}-${band.max}`); // => ["detractor 0-6", "passive 7-8", "promoter 9-10"]
 * scales.ces5Effort.polarity; // => "lower-is-better"
 * Object.isFrozen(scales.csat5); // => true
 * ```
 */
export const scales: Scales = Object.freeze({
  nps: defineScale({
    id: 'nps',
    metric: 'nps',
    name: 'Net Promoter Score (0–10)',
    question: 'How likely are you to recommend us to a friend or colleague?',
    min: 0,
    max: 10,
    polarity: 'higher-is-better',
    bands: [
      { name: 'detractor', min: 0, max: 6, sentiment: 'negative' },
      { name: 'passive', min: 7, max: 8, sentiment: 'neutral' },
      { name: 'promoter', min: 9, max: 10, sentiment: 'positive' },
    ],
    labels: { 0: 'Not at all likely', 10: 'Extremely likely' },
  }),
  csat3: defineScale({
    id: 'csat3',
    metric: 'csat',
    name: 'Customer Satisfaction (1–3)',
    question: 'How satisfied were you with your experience?',
    min: 1,
    max: 3,
    polarity: 'higher-is-better',
    bands: [
      { name: 'dissatisfied', min: 1, max: 1, sentiment: 'negative' },
      { name: 'neutral', min: 2, max: 2, sentiment: 'neutral' },
      { name: 'satisfied', min: 3, max: 3, sentiment: 'positive' },
    ],
    labels: { 1: 'Dissatisfied', 2: 'Neutral', 3: 'Satisfied' },
  }),
  csat5: defineScale({
    id: 'csat5',
    metric: 'csat',
    name: 'Customer Satisfaction (1–5)',
    question: 'How satisfied were you with your experience?',
    min: 1,
    max: 5,
    polarity: 'higher-is-better',
    bands: [
      { name: 'dissatisfied', min: 1, max: 2, sentiment: 'negative' },
      { name: 'neutral', min: 3, max: 3, sentiment: 'neutral' },
      { name: 'satisfied', min: 4, max: 5, sentiment: 'positive' },
    ],
    labels: { 1: 'Very dissatisfied', 2: 'Dissatisfied', 3: 'Neutral', 4: 'Satisfied', 5: 'Very satisfied' },
  }),
  csat7: defineScale({
    id: 'csat7',
    metric: 'csat',
    name: 'Customer Satisfaction (1–7)',
    question: 'How satisfied were you with your experience?',
    min: 1,
    max: 7,
    polarity: 'higher-is-better',
    bands: [
      { name: 'dissatisfied', min: 1, max: 2, sentiment: 'negative' },
      { name: 'neutral', min: 3, max: 5, sentiment: 'neutral' },
      { name: 'satisfied', min: 6, max: 7, sentiment: 'positive' },
    ],
    labels: {
      1: 'Very dissatisfied',
      2: 'Dissatisfied',
      3: 'Somewhat dissatisfied',
      4: 'Neutral',
      5: 'Somewhat satisfied',
      6: 'Satisfied',
      7: 'Very satisfied',
    },
  }),
  csat10: defineScale({
    id: 'csat10',
    metric: 'csat',
    name: 'Customer Satisfaction (1–10)',
    question: 'How satisfied were you with your experience?',
    min: 1,
    max: 10,
    polarity: 'higher-is-better',
    bands: [
      { name: 'dissatisfied', min: 1, max: 3, sentiment: 'negative' },
      { name: 'neutral', min: 4, max: 7, sentiment: 'neutral' },
      { name: 'satisfied', min: 8, max: 10, sentiment: 'positive' },
    ],
    labels: { 1: 'Very dissatisfied', 10: 'Very satisfied' },
  }),
  ces7: defineScale({
    id: 'ces7',
    metric: 'ces',
    name: 'Customer Effort Score 2.0 (1–7 agreement)',
    question: '[Company] made it easy for me to handle my issue.',
    min: 1,
    max: 7,
    polarity: 'higher-is-better',
    bands: [
      { name: 'difficult', min: 1, max: 3, sentiment: 'negative' },
      { name: 'neutral', min: 4, max: 4, sentiment: 'neutral' },
      { name: 'easy', min: 5, max: 7, sentiment: 'positive' },
    ],
    labels: agreement7,
  }),
  ces5: defineScale({
    id: 'ces5',
    metric: 'ces',
    name: 'Customer Effort Score (1–5 agreement)',
    question: '[Company] made it easy for me to handle my issue.',
    min: 1,
    max: 5,
    polarity: 'higher-is-better',
    bands: [
      { name: 'difficult', min: 1, max: 2, sentiment: 'negative' },
      { name: 'neutral', min: 3, max: 3, sentiment: 'neutral' },
      { name: 'easy', min: 4, max: 5, sentiment: 'positive' },
    ],
    labels: { 1: 'Strongly disagree', 2: 'Disagree', 3: 'Neither agree nor disagree', 4: 'Agree', 5: 'Strongly agree' },
  }),
  ces5Effort: defineScale({
    id: 'ces5Effort',
    metric: 'ces',
    name: 'Customer Effort Score 1.0 (1–5 effort, lower is better)',
    question: 'How much effort did you personally have to put forth to handle your request?',
    min: 1,
    max: 5,
    polarity: 'lower-is-better',
    bands: [
      { name: 'easy', min: 1, max: 2, sentiment: 'positive' },
      { name: 'neutral', min: 3, max: 3, sentiment: 'neutral' },
      { name: 'difficult', min: 4, max: 5, sentiment: 'negative' },
    ],
    labels: { 1: 'Very low effort', 2: 'Low effort', 3: 'Moderate effort', 4: 'High effort', 5: 'Very high effort' },
  }),
  ces10Effort: defineScale({
    id: 'ces10Effort',
    metric: 'ces',
    name: 'Customer Effort Score (1–10 effort, lower is better)',
    question: 'How much effort did you have to put forth to handle your request?',
    min: 1,
    max: 10,
    polarity: 'lower-is-better',
    bands: [
      { name: 'easy', min: 1, max: 3, sentiment: 'positive' },
      { name: 'neutral', min: 4, max: 7, sentiment: 'neutral' },
      { name: 'difficult', min: 8, max: 10, sentiment: 'negative' },
    ],
    labels: { 1: 'Very low effort', 10: 'Very high effort' },
  }),
});
