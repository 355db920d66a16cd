import { guard } from '../internal/guard.js';
import type { CxMetricsIssue } from '../errors/CxMetricsError.js';
import { describeValue } from '../internal/describeValue.js';
import { fail, makeIssue, type Path, throwIssues } from '../internal/issue.js';
import { nearNames } from '../internal/nearNames.js';
import { checkOptions, type EveryKeyListed } from '../internal/options.js';
import { checkScale } from '../scales/checkScale.js';
import type { Scale } from '../scales/defineScale.js';
import { checkWeightedCount, readCount, readWeightSum } from './checkTallyParts.js';
import { Tally } from './Tally.js';

/** A count or sum as drivers return it: a number, a bigint, or a decimal string. */
export type CountValue = number | bigint | string;

/** A point as a key: a number, a bigint, a canonical integer string ("9", not "9.0" or "09"), or `null` for the NULL group. */
export type PointKey = number | bigint | string | null;

/**
 * Counts per point: an array from `scale.min` up, an object or Map keyed by point, or the rows of
 * a `GROUP BY` (objects with a point, a count and, for weighted data, Σw and Σw² columns).
 */
export type PointCounts = readonly CountValue[] | Readonly<Record<string, CountValue>> | ReadonlyMap<PointKey, CountValue> | readonly Readonly<Record<string, unknown>>[];

/** The column names of `GROUP BY` rows. */
export interface CountColumns {
  /** The point (the score); a NULL point is the skipped answers. Default `'point'`. */
  readonly point?: string | undefined;
  /** The number of answers. Default `'count'`. */
  readonly count?: string | undefined;
  /** Σw of the answers, for weighted data. Default `'weightSum'`. */
  readonly weightSum?: string | undefined;
  /** Σw² of the answers, for weighted data. Default `'weightSquareSum'`. */
  readonly weightSquareSum?: string | undefined;
}

/** What {@link tallyCounts} takes besides the counts. */
export interface TallyCountsOptions {
  /** How many answers were skipped (unless a NULL point says so). Default 0. */
  readonly skipped?: CountValue | undefined;
  /** How many answers were refused as invalid. Default 0. */
  readonly invalid?: CountValue | undefined;
  /** Σw per point, in the same form as the counts (not for row lists, which carry their own). */
  readonly weightSums?: Exclude<PointCounts, readonly Readonly<Record<string, unknown>>[]> | undefined;
  /** Σw² per point, with `weightSums`. */
  readonly weightSquareSums?: Exclude<PointCounts, readonly Readonly<Record<string, unknown>>[]> | undefined;
  /** Σw of the skipped answers, for weighted data. */
  readonly skippedWeight?: CountValue | undefined;
  /** Σw² of the skipped answers, for weighted data. */
  readonly skippedWeightSquares?: CountValue | undefined;
  /** The column names of row lists. */
  readonly columns?: CountColumns | undefined;
}

const OPTION_NAMES = ['skipped', 'invalid', 'weightSums', 'weightSquareSums', 'skippedWeight', 'skippedWeightSquares', 'columns'] as const satisfies readonly (keyof TallyCountsOptions)[];
const COLUMN_NAMES = ['point', 'count', 'weightSum', 'weightSquareSum'] as const satisfies readonly (keyof CountColumns)[];
// The list names every key of its interface (a key added there and not here fails to compile).
true satisfies EveryKeyListed<keyof TallyCountsOptions, (typeof OPTION_NAMES)[number]>;
true satisfies EveryKeyListed<keyof CountColumns, (typeof COLUMN_NAMES)[number]>;
const POINT_TEXT = /^(0|-?[1-9][0-9]*)$/;

/** One point's sums, as read. */
interface PointSums {
  count: number;
  weight: number;
  squares: number;
}

/**
 * Makes a {@link Tally} from counts computed elsewhere: a database `GROUP BY score`, a vendor's
 * summary export, a dashboard. It takes what drivers return: counts as numbers, bigints or
 * decimal strings (PostgreSQL's `count(*)` arrives as the string "12"); an array from `scale.min`
 * up, an object or a Map keyed by point, or the result rows themselves; and, for weighted data,
 * Σw and Σw² per point, so a weighted `GROUP BY` comes back exactly.
 *
 * Everything is checked, as strictly as raw answers: a key must be a point of the scale given
 * canonically (`9`, `9n` or `"9"`; never `"9.0"`, `" 9 "`, `"0x9"` or `"1e1"`), once (`9` and `"9"`
 * are the same point: given twice, refused); a NULL key (the `GROUP BY` NULL group) is the skipped
 * answers; counts are whole and at least 0; weights never sit on a point without answers, and Σw²
 * agrees with Σw (so the effective n cannot exceed n).
 *
 * @param scale - the scale the counts are on
 * @param counts - per point: an array, an object, a Map, or `GROUP BY` rows
 * @param options - skipped and invalid counts, weighted sums, the column names of rows
 * @returns the frozen tally
 * @throws {@link CxMetricsError} `invalid_tally`, listing every bad key and count
 *
 * @example
 * ```ts
 * import { computeNPS, scales, tallyCounts } from 'cx-metrics';
 *
 * // SELECT score, count(*) AS n FROM answers GROUP BY score (the NULL group is the skipped answers)
 * const rows = [{ score: 10, n: '40' }, { score: 9, n: 20n }, { score: 8, n: 15 }, { score: 7, n: 5 }, { score: 3, n: 20 }, { score: null, n: 7 }];
 * const tally = tallyCounts(scales.nps, rows, { columns: { point: 'score', count: 'n' } });
 * computeNPS(tally).score; // => 40
 * [tally.skipped, tally.total]; // => [7, 107]
 *
 * // Weighted: SELECT score, count(*), sum(w), sum(w * w) ... GROUP BY score
 * const weighted = tallyCounts(scales.nps, [{ point: 10, count: 2, weightSum: 3, weightSquareSum: 5 }, { point: 0, count: 1, weightSum: 1, weightSquareSum: 1 }]);
 * computeNPS(weighted).score; // => 50
 * ```
 */
export function tallyCounts<const S extends Scale>(scale: S, counts: PointCounts, options?: TallyCountsOptions): Tally<S> {
  return guard('tallyCounts', () => {
    const fn = 'tallyCounts';
    const checkedScale = checkScale<S>(fn, scale, ['scale']);
    const opts = checkOptions(fn, options, OPTION_NAMES);
    const issues: CxMetricsIssue[] = [];
    const points = checkedScale.max - checkedScale.min + 1;
    const sums: PointSums[] = Array.from({ length: points }, () => ({ count: 0, weight: 0, squares: 0 }));
    const seen = new Map<number, Path>();
    let nullGroup: PointSums | undefined;

    /** The point of a key, or undefined (with an issue) for a bad key; null for the NULL group. */
    const pointOf = (key: unknown, path: Path): number | null | undefined => {
      if (key === null) return null;
      let point: number | undefined;
      if (typeof key === 'number') point = key;
      else if (typeof key === 'bigint') point = key >= BigInt(checkedScale.min) && key <= BigInt(checkedScale.max) ? Number(key) : Number.NaN;
      else if (typeof key === 'string' && key.length <= 16 && POINT_TEXT.test(key)) point = Number(key);
      if (point === undefined) {
        const hint = key === 'null' ? ' (a NULL group cannot be an object key: use a Map or the rows)' : '';
        issues.push(makeIssue(fn, 'invalid_value', `a point of scale '${checkedScale.id}' as a number, a bigint or a canonical integer string such as "9"${hint}`, key, path));
        return undefined;
      }
      if (!Number.isInteger(point) || point < checkedScale.min || point > checkedScale.max) {
        issues.push(makeIssue(fn, 'out_of_range', `a point from ${checkedScale.min} to ${checkedScale.max}`, key, path));
        return undefined;
      }
      const previous = seen.get(point);
      if (previous !== undefined) {
        issues.push(makeIssue(fn, 'duplicate', `each point once (point ${point} is also at ${previous.join('.')})`, key, path));
        return undefined;
      }
      seen.set(point, path);
      return point === 0 ? 0 : point;
    };
    const sumsOf = (point: number | null, path: Path): PointSums | undefined => {
      if (point !== null) return sums[point - checkedScale.min];
      if (nullGroup !== undefined) {
        issues.push(makeIssue(fn, 'duplicate', 'one NULL group', null, path));
        return undefined;
      }
      return (nullGroup = { count: 0, weight: 0, squares: 0 });
    };
    /** Entries of an array (by position), an object or a Map. */
    const entries = (form: unknown, path: Path, rows: boolean): (readonly [unknown, unknown, Path])[] | undefined => {
      if (Array.isArray(form)) {
        if (rows) return undefined;
        if (form.length !== points) {
          issues.push(makeIssue(fn, 'out_of_range', `${points} values, one per point from ${checkedScale.min} to ${checkedScale.max}`, `${form.length} values`, path));
          return [];
        }
        return Array.from({ length: points }, (_, index) => [checkedScale.min + index, index in form ? form[index] : undefined, [...path, index]] as const);
      }
      if (form instanceof Map) return [...form.entries()].map(([key, value]) => [key, value, [...path, describeValue(key)]] as const);
      if (typeof form === 'object' && form !== null) return Object.entries(form).map(([key, value]) => [key, value, [...path, key]] as const);
      issues.push(makeIssue(fn, 'invalid_type', 'an array, an object, a Map, or rows of counts', form, path));
      return [];
    };

    // An array holding any object is a list of GROUP BY rows (its other entries are then refused
    // as rows), so a stray number among rows cannot turn the rows into per-point counts.
    const isRowList = Array.isArray(counts) && (counts.length === 0 || (counts as readonly unknown[]).some((row) => typeof row === 'object' && row !== null));
    let weighted = false;
    if (isRowList) {
      if (opts.weightSums !== undefined || opts.weightSquareSums !== undefined) fail(fn, 'invalid_option', 'invalid_value', 'weighted sums in the rows (weightSum and weightSquareSum columns), not in options', 'options.weightSums', ['options', 'weightSums']);
      const columns = checkOptions<CountColumns>(fn, opts.columns, COLUMN_NAMES, ['options', 'columns']);
      const name = { point: columns.point ?? 'point', count: columns.count ?? 'count', weightSum: columns.weightSum ?? 'weightSum', weightSquareSum: columns.weightSquareSum ?? 'weightSquareSum' };
      const rows = counts as readonly Readonly<Record<string, unknown>>[];
      const has = (row: object, column: string): boolean => Object.prototype.hasOwnProperty.call(row, column);
      const expected = Object.values(name);
      weighted = rows.some((row) => typeof row === 'object' && row !== null && (has(row, name.weightSum) || has(row, name.weightSquareSum)));
      rows.forEach((row, index) => {
        if (typeof row !== 'object' || row === null) {
          issues.push(makeIssue(fn, 'invalid_type', 'a row object (the other entries are rows)', row, ['counts', index]));
          return;
        }
        // A column near an expected name that the row lacks ('weight_sum' for 'weightSum') is a
        // misspelling: read as an unrelated column, it would silently drop the weights.
        const others = Object.keys(row).filter((column) => !expected.includes(column));
        for (const column of expected) {
          if (has(row, column)) continue;
          for (const near of nearNames(column, others)) {
            issues.push(makeIssue(fn, 'unknown_name', `the column name ${JSON.stringify(column)} (or name it in options.columns)`, near, ['counts', index, near]));
          }
        }
        let complete = true;
        for (const column of weighted ? [name.point, name.count, name.weightSum, name.weightSquareSum] : [name.point, name.count]) {
          if (has(row, column)) continue;
          complete = false;
          issues.push(makeIssue(fn, 'missing_column', `a column ${JSON.stringify(column)} in every row${weighted && column.startsWith('weight') ? ' (some rows have weighted sums)' : ''}`, 'no such column', ['counts', index, column]));
        }
        // A row without a column is reported once, not again as a bad value.
        if (!complete) return;
        const point = pointOf(row[name.point], ['counts', index, name.point]);
        const target = point === undefined ? undefined : sumsOf(point, ['counts', index, name.point]);
        const count = readCount(fn, row[name.count], ['counts', index, name.count], issues);
        if (target === undefined) return;
        target.count = count;
        if (weighted) {
          target.weight = readWeightSum(fn, row[name.weightSum], ['counts', index, name.weightSum], issues);
          target.squares = readWeightSum(fn, row[name.weightSquareSum], ['counts', index, name.weightSquareSum], issues);
        }
      });
    } else {
      if (opts.columns !== undefined) fail(fn, 'invalid_option', 'invalid_value', 'no column names unless the counts are rows', opts.columns, ['options', 'columns']);
      for (const [key, value, path] of entries(counts, ['counts'], false) ?? []) {
        const point = pointOf(key, path);
        const target = point === undefined ? undefined : sumsOf(point, path);
        const count = readCount(fn, value, path, issues);
        if (target !== undefined) target.count = count;
      }
      if ((opts.weightSums === undefined) !== (opts.weightSquareSums === undefined)) {
        fail(fn, 'invalid_option', 'invalid_value', 'weightSums and weightSquareSums together, or neither', 'only one of them', ['options', opts.weightSums === undefined ? 'weightSquareSums' : 'weightSums']);
      }
      weighted = opts.weightSums !== undefined;
      for (const key of ['weightSums', 'weightSquareSums'] as const) {
        if (opts[key] === undefined) continue;
        const found = new Set<number | null>();
        for (const [rawKey, value, path] of entries(opts[key], ['options', key], false) ?? []) {
          const point = rawKey === null ? null : typeof rawKey === 'number' ? rawKey : typeof rawKey === 'bigint' ? Number(rawKey) : typeof rawKey === 'string' && POINT_TEXT.test(rawKey) ? Number(rawKey) : undefined;
          if (point === undefined || (point !== null && (!Number.isInteger(point) || point < checkedScale.min || point > checkedScale.max))) {
            issues.push(makeIssue(fn, 'invalid_value', `a point of scale '${checkedScale.id}' (as in the counts)`, rawKey, path));
            continue;
          }
          if (found.has(point)) {
            issues.push(makeIssue(fn, 'duplicate', 'each point once', rawKey, path));
            continue;
          }
          found.add(point);
          const target = point === null ? nullGroup : sums[point - checkedScale.min];
          const amount = readWeightSum(fn, value, path, issues);
          if (target === undefined) issues.push(makeIssue(fn, 'invalid_value', 'a NULL key only when the counts have a NULL group (otherwise use skippedWeight)', rawKey, path));
          else target[key === 'weightSums' ? 'weight' : 'squares'] = amount;
        }
      }
    }

    if (nullGroup !== undefined && opts.skipped !== undefined) issues.push(makeIssue(fn, 'duplicate', 'the skipped answers once: a NULL point or options.skipped, not both', opts.skipped, ['options', 'skipped']));
    const skipped: PointSums = nullGroup ?? {
      count: readCount(fn, opts.skipped ?? 0, ['options', 'skipped'], issues),
      weight: opts.skippedWeight === undefined ? 0 : readWeightSum(fn, opts.skippedWeight, ['options', 'skippedWeight'], issues),
      squares: opts.skippedWeightSquares === undefined ? 0 : readWeightSum(fn, opts.skippedWeightSquares, ['options', 'skippedWeightSquares'], issues),
    };
    if (!weighted) {
      for (const key of ['skippedWeight', 'skippedWeightSquares'] as const) if (opts[key] !== undefined) issues.push(makeIssue(fn, 'invalid_value', `no ${key} without weighted sums per point`, opts[key], ['options', key]));
    } else if (nullGroup === undefined && skipped.count > 0 && opts.skippedWeight === undefined) {
      issues.push(makeIssue(fn, 'missing', 'skippedWeight and skippedWeightSquares for the skipped answers of weighted data', undefined, ['options', 'skippedWeight']));
    }
    const invalid = readCount(fn, opts.invalid ?? 0, ['options', 'invalid'], issues);
    if (weighted) {
      sums.forEach((point, index) => checkWeightedCount(fn, point.count, point.weight, point.squares, ['counts', checkedScale.min + index], issues));
      checkWeightedCount(fn, skipped.count, skipped.weight, skipped.squares, ['skipped'], issues);
    }
    if (issues.length > 0) throwIssues(fn, 'invalid_tally', issues);
    return new Tally({
      scale: checkedScale,
      counts: sums.map((point) => point.count),
      weightSums: weighted ? sums.map((point) => point.weight) : undefined,
      weightSquareSums: weighted ? sums.map((point) => point.squares) : undefined,
      skipped: skipped.count,
      skippedWeight: weighted ? skipped.weight : skipped.count,
      skippedWeightSquares: weighted ? skipped.squares : skipped.count,
      invalid,
      invalidAnswers: [],
    });
  });
}

