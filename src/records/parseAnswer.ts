import { guard } from '../internal/guard.js';
import type { CxMetricsIssueCode } from '../errors/CxMetricsError.js';
import { fail } from '../internal/issue.js';
import { checkBoolean, checkOptions, type EveryKeyListed } from '../internal/options.js';
import { checkScale } from '../scales/checkScale.js';
import { normalizeLabel } from '../internal/normalizeLabel.js';
import type { Scale } from '../scales/defineScale.js';

/** Options for {@link parseAnswer}. */
export interface ParseAnswerOptions {
  /** Read "7,0" as 7 (a comma decimal, as European exports write it); "7.0" is still read too. Default false. */
  readonly decimalComma?: boolean | undefined;
  /** Strings longer than this are refused (`too_long`) before any parsing. Default 1000. */
  readonly maxLength?: number | undefined;
}

/** What {@link parseAnswer} makes of a cell: a score (`null` when skipped), or why not. */
export type ParsedAnswer =
  | {
      /** The cell was read. */
      readonly ok: true;
      /** The point on the scale, or null for an empty cell (a skipped answer). */
      readonly score: number | null;
    }
  | {
      /** The cell was refused. */
      readonly ok: false;
      /** Why. */
      readonly code: CxMetricsIssueCode;
      /** What would have been accepted, in words. */
      readonly expected: string;
    };

export const DEFAULT_MAX_CELL_LENGTH = 1000;
const PARSE_ANSWER_OPTION_NAMES = ['decimalComma', 'maxLength'] as const satisfies readonly (keyof ParseAnswerOptions)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof ParseAnswerOptions, (typeof PARSE_ANSWER_OPTION_NAMES)[number]>;
const labelMaps = new WeakMap<Scale, ReadonlyMap<string, number>>();

/** The scale's labels by their normalized text, built once per scale. */
function labelMap(scale: Scale): ReadonlyMap<string, number> {
  let map = labelMaps.get(scale);
  if (map === undefined) {
    map = new Map(Object.entries(scale.labels).map(([point, label]) => [normalizeLabel(label), Number(point)]));
    labelMaps.set(scale, map);
  }
  return map;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Reads `[+-]digits[.digits]` (or with a comma when asked) by one scan of the characters, so
 * that no input, however long or crafted, costs more than linear time. Anything else, such as
 * "0x9", "1e3" or "1 0", is not a number here.
 */
export function scanDecimal(text: string, decimalComma: boolean): number | undefined {
  let i = 0;
  if (text[0] === '+' || text[0] === '-') i = 1;
  const digitsStart = i;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === digitsStart) return undefined;
  if (i < text.length) {
    const separator = text[i];
    if (!(separator === '.' || (decimalComma && separator === ','))) return undefined;
    const fractionStart = ++i;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    if (i === fractionStart || i !== text.length) return undefined;
  }
  return Number(decimalComma ? text.replace(',', '.') : text);
}

/** Splits "10 - Extremely likely" (or "10: …", "10. …", "10) …") into its number and label. */
function splitNumberedLabel(text: string): { point: number; label: string } | undefined {
  let i = 0;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i === 0 || i > 15) return undefined;
  const point = Number(text.slice(0, i));
  while (text[i] === ' ') i++;
  if (!['-', '–', '—', ':', '.', ')'].includes(text[i] ?? '')) return undefined;
  const label = text.slice(i + 1).trim();
  return label === '' ? undefined : { point, label };
}

/**
 * Reads one survey answer as real exports and forms send it: numbers, numeric strings ("9",
 * " 9 ", "7.0"), labelled answers ("10 - Extremely likely", "Strongly agree": the scale's point
 * labels, ignoring case and spaces), and empty cells (`""`, `null`, `undefined`) as skipped. It
 * refuses what is wrong, with a reason: "7.5" on an integer scale (`not_an_integer`), values off
 * the scale (`out_of_range`), NaN and ±Infinity (`not_finite`), "0x9", "1e3" and other
 * non-decimal text that starts like a number (`not_a_number`), text that is no label
 * (`unknown_label`), a number whose label belongs to another point (`label_mismatch`), strings
 * over `maxLength` (`too_long`), and booleans, objects, arrays and dates (`invalid_type`).
 * Linear in the input, with no backtracking regular expression.
 *
 * @param cell - the raw answer
 * @param scale - the scale it is on
 * @param options - comma decimals, the length limit
 * @returns `{ ok: true, score }` or `{ ok: false, code, expected }`
 *
 * @example
 * ```ts
 * import { parseAnswer, scales } from 'cx-metrics';
 *
 * parseAnswer('10 - Extremely likely', scales.nps); // => { ok: true, score: 10 }
 * parseAnswer(' strongly AGREE ', scales.ces7); // => { ok: true, score: 7 }
 * parseAnswer('', scales.nps); // => { ok: true, score: null }
 * parseAnswer('7.5', scales.nps).ok; // => false
 * ```
 */
export function parseAnswer(cell: unknown, scale: Scale, options?: ParseAnswerOptions): ParsedAnswer {
  return guard('parseAnswer', () => {
    const fn = 'parseAnswer';
    const checkedScale = checkScale(fn, scale, ['scale']);
    const checked = checkOptions(fn, options, PARSE_ANSWER_OPTION_NAMES);
    checkMaxLength(fn, checked.maxLength, ['options', 'maxLength']);
    return readAnswer(cell, checkedScale, { decimalComma: checkBoolean(fn, checked.decimalComma, false, ['options', 'decimalComma']), maxLength: checked.maxLength });
  });
}

/** The answer parser by checked rules: the hot path behind {@link parseAnswer} and ingestion. */
export function readAnswer(cell: unknown, scale: Scale, options: ParseAnswerOptions): ParsedAnswer {
  const maxLength = options.maxLength ?? DEFAULT_MAX_CELL_LENGTH;
  const labels = labelMap(scale);
  const refuse = (code: CxMetricsIssueCode): ParsedAnswer => ({
    ok: false,
    code,
    expected: `an integer from ${scale.min} to ${scale.max}${labels.size > 0 ? ` or a label of scale '${scale.id}'` : ''}, or an empty cell for a skipped answer`,
  });
  const point = (value: number): ParsedAnswer => {
    if (!Number.isFinite(value)) return refuse('not_finite');
    if (!Number.isInteger(value)) return refuse('not_an_integer');
    if (value < scale.min || value > scale.max) return refuse('out_of_range');
    return { ok: true, score: value === 0 ? 0 : value };
  };
  if (cell === null || cell === undefined) return { ok: true, score: null };
  if (typeof cell === 'number') return point(cell);
  if (typeof cell !== 'string') return refuse('invalid_type');
  if (cell.length > maxLength) return refuse('too_long');
  const text = cell.trim();
  if (text === '') return { ok: true, score: null };
  const number = scanDecimal(text, options.decimalComma === true);
  if (number !== undefined) return point(number);
  const numbered = splitNumberedLabel(text);
  if (numbered !== undefined) {
    const checked = point(numbered.point);
    if (!checked.ok) return checked;
    const own = scale.labels[numbered.point];
    const labelled = labels.get(normalizeLabel(numbered.label));
    if (own !== undefined && normalizeLabel(own) !== normalizeLabel(numbered.label)) return refuse('label_mismatch');
    if (own === undefined && labelled !== undefined && labelled !== numbered.point) return refuse('label_mismatch');
    return checked;
  }
  const labelled = labels.get(normalizeLabel(text));
  if (labelled !== undefined) return { ok: true, score: labelled };
  const first = text.charCodeAt(0);
  return refuse(isDigit(first) || text[0] === '+' || text[0] === '-' || text[0] === '.' ? 'not_a_number' : 'unknown_label');
}

/** Checks the options shared by parseAnswer's callers. */
export function checkMaxLength(functionName: string, maxLength: unknown, path: readonly (string | number)[]): void {
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && (maxLength as number) > 0)) {
    fail(functionName, 'invalid_option', 'out_of_range', 'a positive whole number of characters', maxLength, path);
  }
}
