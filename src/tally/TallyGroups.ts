import { fail, type Path } from '../internal/issue.js';
import type { Scale } from '../scales/defineScale.js';
import { Accumulator, DEFAULT_MAX_INVALID_EXAMPLES } from './Accumulator.js';
import type { AnswerReader } from './AnswerReader.js';
import { KeyedGroups, type SegmentKeyValue } from './KeyedGroups.js';
import type { Tally } from './Tally.js';

export type { SegmentKeyValue } from './KeyedGroups.js';

/**
 * Rows into one tally per key, in one pass: {@link KeyedGroups} with an {@link Accumulator} per
 * key, the engine under segment tables (a key per segment or cross-tab cell), trends and windows
 * (a local day). The answers are read by the one {@link AnswerReader}.
 */
export class TallyGroups<Row> {
  readonly #fn: string;
  readonly reader: AnswerReader<Row>;
  readonly #groups: KeyedGroups<Accumulator>;

  constructor(functionName: string, reader: AnswerReader<Row>, rowsPath: Path, maxExamples: number = DEFAULT_MAX_INVALID_EXAMPLES) {
    this.#fn = functionName;
    this.reader = reader;
    this.#groups = new KeyedGroups<Accumulator>(functionName, rowsPath, () => new Accumulator(this.scale, maxExamples));
  }

  /** The scale every group is on: the reader's, or an error when neither options nor records give one. */
  get scale(): Scale {
    const scale = this.reader.scale;
    if (scale === undefined) fail(this.#fn, 'invalid_option', 'invalid_value', 'a scale (options.scale), or rows that are records made by ingest', undefined, ['options', 'scale']);
    return scale;
  }

  /** The accumulator of a key, made on first sight. */
  accumulator(key: unknown, index: number): Accumulator {
    return this.#groups.get(key, index);
  }

  /** Adds one row under its key: one Map lookup and the reader's add, as a hand-written loop would do it. */
  add(key: unknown, row: Row, index: number): void {
    this.reader.add(this.#groups.get(key, index), row, index);
  }

  /** Every group's key and tally, in order of first appearance, after the reader's final checks. */
  finish(rows: number): { readonly key: readonly SegmentKeyValue[]; readonly tally: Tally }[] {
    this.reader.finish(rows);
    return this.#groups.groups().map((group) => ({ key: group.key, tally: group.state.toTally() }));
  }
}
