/**
 * A Vega-Lite specification as plain JSON, with its data inline: render it with `vega-embed`,
 * show it in a notebook (MIME type `application/vnd.vegalite.v5+json`), or save it as a `.vl.json`
 * file. cx-metrics depends on no Vega package; the specs use Vega-Lite 5 constructs only, so
 * every Vega-Lite 5 or 6 renderer draws them.
 */
export interface VegaLiteSpec {
  /** Always the Vega-Lite 5 schema, `https://vega.github.io/schema/vega-lite/v5.json`. */
  readonly $schema: 'https://vega.github.io/schema/vega-lite/v5.json';
  /** The chart's text alternative, stating its numbers (Vega's renderer uses it as the ARIA description). */
  readonly description: string;
  /** The chart's title: a text, or a text with a subtitle. */
  readonly title: string | VegaLiteTitle;
  /** The data, inline: one object per bar, point or cell (absent when each layer has its own). */
  readonly data?: VegaLiteData | undefined;
  /** The layers drawn on top of each other, when the chart has several marks. */
  readonly layer?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** The charts stacked vertically, when the spec has several. */
  readonly vconcat?: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** The look: fonts, colours and axis styles. */
  readonly config: Readonly<Record<string, unknown>>;
  /** The rest of the spec (size, mark, encoding) as Vega-Lite defines it. */
  readonly [property: string]: unknown;
}

/** A title with a subtitle. */
export interface VegaLiteTitle {
  /** The title. */
  readonly text: string;
  /** The line under it: the interval and n, or what the marks mean. */
  readonly subtitle: string;
}

/** Inline data. */
export interface VegaLiteData {
  /** One object per bar, point or cell, with the fields the encodings name. */
  readonly values: readonly Readonly<Record<string, unknown>>[];
}
