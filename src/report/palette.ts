import type { RiskTier } from '../loyalty/riskPolicy.js';
import type { Sentiment } from '../scales/defineScale.js';

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), whose colours stay apart
 * for the common colour-vision deficiencies. Charts never rely on colour alone: every coloured
 * part is also labelled or listed in the legend and the text alternative.
 */
export const OKABE_ITO: Readonly<Record<'orange' | 'skyBlue' | 'bluishGreen' | 'yellow' | 'blue' | 'vermillion' | 'reddishPurple' | 'black', string>> = Object.freeze({
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
});

/** Text and lines: near-black and a grey that keeps a 4.5:1 contrast on white. */
export const INK = '#1F2328';
/** Secondary text (axis labels, notes): #595959 is 7:1 on white. */
export const MUTED = '#595959';
/** Grid lines and outlines. */
export const RULE = '#D0D7DE';
/** Small or unreliable values: a grey that still reads as a mark (3:1 on white, the WCAG figure for graphics). */
export const FADED = '#8C8C8C';

/** A band's colour by how it reads: bad in vermillion, neutral in grey, good in blue (the pair every colour vision tells apart). */
export const SENTIMENT_COLORS: Readonly<Record<Sentiment, string>> = Object.freeze({
  negative: OKABE_ITO.vermillion,
  neutral: '#B4B4B4',
  positive: OKABE_ITO.blue,
});

/** Loyalty tiers from calm to alarming, in Okabe–Ito's green, yellow, orange and vermillion; unknown in grey. */
export const TIER_COLORS: Readonly<Record<RiskTier, string>> = Object.freeze({
  stable: OKABE_ITO.bluishGreen,
  watch: OKABE_ITO.yellow,
  'at-risk': OKABE_ITO.orange,
  critical: OKABE_ITO.vermillion,
  unknown: '#B4B4B4',
});

function channel(hex: string, at: number): number {
  const value = parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** The WCAG relative luminance of a `#RRGGBB` colour. */
function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** White or near-black text, whichever contrasts more with the fill (WCAG contrast ratio). */
export function textColorOn(fill: string): string {
  const light = luminance(fill);
  return (1.05 / (light + 0.05) > (light + 0.05) / (luminance(INK) + 0.05)) ? '#FFFFFF' : INK;
}

/** A colour between two `#RRGGBB` colours, `at` from 0 (the first) to 1 (the second). */
export function mix(from: string, to: string, at: number): string {
  const part = (index: number): string => {
    const a = parseInt(from.slice(index, index + 2), 16);
    const b = parseInt(to.slice(index, index + 2), 16);
    return Math.round(a + (b - a) * Math.min(1, Math.max(0, at)))
      .toString(16)
      .padStart(2, '0');
  };
  return `#${part(1)}${part(3)}${part(5)}`.toUpperCase();
}
