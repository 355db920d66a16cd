import { INK, MUTED, RULE } from './palette.js';

/** System fonts only: no web font to fetch, and text looks native wherever the chart is shown. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/**
 * Text made safe for XML and HTML, in content and in quoted attributes: the five special
 * characters become entities, and characters XML 1.0 forbids (control characters, lone
 * surrogates, U+FFFE/U+FFFF), which a file may well contain, become U+FFFD so the SVG still parses.
 */
export function escapeMarkup(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number as an SVG coordinate: two decimals at most, no `-0`, never `NaN` (which would draw nothing and hide a bug). */
export function px(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cx-metrics report: a coordinate is not a finite number (${value})`);
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Attributes from a record; undefined values are left out, strings are escaped. */
function attributes(attrs: Readonly<Record<string, string | number | undefined>>): string {
  let text = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    text += ` ${name}="${typeof value === 'number' ? px(value) : escapeMarkup(value)}"`;
  }
  return text;
}

/** An element with attributes and raw (already safe) content; self-closing without content. */
export function element(name: string, attrs: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  return content === undefined ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

/** A `<text>` element with escaped content; `title` adds a tooltip with the full text (for labels cut short). */
export function text(x: number, y: number, content: string, attrs: Readonly<Record<string, string | number | undefined>> = {}, title?: string): string {
  return element('text', { x, y, ...attrs }, `${title === undefined ? '' : `<title>${escapeMarkup(title)}</title>`}${escapeMarkup(content)}`);
}

/** A rough width of text in the system sans-serif, for layout: no font metrics are available without a browser. Bold runs about 8 % wider. */
export function textWidth(content: string, size: number, bold = false): number {
  return (bold ? 1.08 : 1) * plainWidth(content, size);
}

function plainWidth(content: string, size: number): number {
  let width = 0;
  for (const character of content) width += /[ilI.,:;|!'’()[\]1 ]/.test(character) ? 0.33 : /[mwMW@%—–]/.test(character) ? 0.9 : /[A-Z0-9#&]/.test(character) ? 0.68 : 0.56;
  return width * size;
}

/** Text cut to a width with an ellipsis; the full text belongs in a tooltip and in the text alternative. */
export function fitText(content: string, size: number, width: number): string {
  if (textWidth(content, size) <= width) return content;
  const characters = [...content];
  while (characters.length > 1 && textWidth(`${characters.join('')}…`, size) > width) characters.pop();
  return `${characters.join('').trimEnd()}…`;
}

/** What every chart is: a size, a short accessible name, a title and a longer text alternative. */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  /** The accessible name (`aria-label`): what the chart is and its main number. */
  readonly label: string;
  /** The `<title>`, shown as a tooltip too. */
  readonly title: string;
  /** The `<desc>`: every number the chart shows, as sentences. */
  readonly description: string;
  /** The drawing, already escaped. */
  readonly body: string;
}

/**
 * A standalone SVG document: `role="img"` with an `aria-label`, a `<title>` and a `<desc>` first
 * (screen readers and search read them), a white background so it reads on dark notebook themes,
 * and a `viewBox` so it scales down on narrow screens.
 */
export function svgDocument(frame: ChartFrame): string {
  const { width, height } = frame;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" role="img" aria-label="${escapeMarkup(frame.label)}"` +
    ` font-family="${escapeMarkup(FONT_FAMILY)}" font-size="13" fill="${INK}">` +
    `<title>${escapeMarkup(frame.title)}</title><desc>${escapeMarkup(frame.description)}</desc>` +
    element('rect', { x: 0, y: 0, width, height, fill: '#FFFFFF' }) +
    frame.body +
    '</svg>'
  );
}

/** The message an empty chart shows in its plot area, in a dashed box so it reads as a chart with nothing in it, not as a broken one. */
export function emptyMessage(x: number, y: number, width: number, height: number, message: string): string {
  return (
    element('rect', { x, y, width, height, fill: '#F6F8FA', stroke: RULE, 'stroke-dasharray': '4 3', rx: 4 }) +
    text(x + width / 2, y + height / 2 + 5, message, { 'text-anchor': 'middle', fill: MUTED, 'font-size': 14 })
  );
}

/** A round step for about `count` ticks over a span: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw - 1e-12) ?? 10) * power;
}

/** Round tick values inside a range, about `count` of them. */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let index = Math.ceil(min / step - 1e-9); index * step <= max + step * 1e-9; index++) ticks.push(Number((index * step).toPrecision(12)));
  return ticks;
}

/** Round tick values from at or below `min` to at or above `max`: an axis whose top tick is above the tallest bar. */
export function ticksCovering(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  return niceTicks(Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step, Math.round((Math.ceil(max / step - 1e-9) - Math.floor(min / step + 1e-9))));
}

/**
 * An axis that holds every value: its domain widened to round numbers and kept inside the range
 * the score can take (an NPS axis never runs past ±100), and its ticks, whose first and last
 * are the domain's ends. Without values, the whole range.
 */
export function axisScale(values: readonly number[], range: readonly [number, number], count = 5): { readonly domain: [number, number]; readonly ticks: number[] } {
  const finite = values.filter((value) => Number.isFinite(value));
  const [low, high] = range;
  let min = finite.length === 0 ? low : Math.min(...finite);
  let max = finite.length === 0 ? high : Math.max(...finite);
  const span = Math.max(max - min, (high - low) / 20);
  min -= span * 0.06;
  max += span * 0.06;
  const step = niceStep(max - min, count);
  const domain: [number, number] = [Math.max(low, Math.floor(min / step + 1e-9) * step), Math.min(high, Math.ceil(max / step - 1e-9) * step)];
  const ticks = niceTicks(domain[0], domain[1], Math.round((domain[1] - domain[0]) / step));
  return { domain, ticks };
}

/** A linear map from a domain to pixels. */
export function linear(domain: readonly [number, number], pixels: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [p0, p1] = pixels;
  const span = d1 - d0 || 1;
  return (value) => p0 + ((value - d0) / span) * (p1 - p0);
}

/** How a legend entry marks what it names: a filled square (areas, bars), a point on a line, or a hollow point. */
export type LegendMarker = 'square' | 'point' | 'hollow';

/** A legend entry: a marker and its words. Returns the markup and the width it takes. */
export function legendItem(x: number, y: number, color: string, label: string, marker: LegendMarker = 'square'): { readonly markup: string; readonly width: number } {
  const middle = y - 4.5;
  const swatch =
    marker === 'square'
      ? element('rect', { x, y: y - 11, width: 12, height: 12, rx: 2, fill: color })
      : element('line', { x1: x - 2, y1: middle, x2: x + 14, y2: middle, stroke: color, 'stroke-width': marker === 'point' ? 2.5 : 0 }) +
        element('circle', { cx: x + 6, cy: middle, r: 4.5, fill: marker === 'point' ? color : '#FFFFFF', stroke: color, 'stroke-width': marker === 'point' ? 1 : 2 });
  return { markup: swatch + text(x + 19, y, label, { fill: INK, 'font-size': 12 }), width: 19 + textWidth(label, 12) + 18 };
}

/** One entry of a legend. */
export interface LegendEntry {
  readonly color: string;
  readonly label: string;
  readonly marker?: LegendMarker;
}

/** Legend entries left to right, wrapping onto a new line at `right`. Returns the markup and the baseline of the last line. */
export function legendRows(entries: readonly LegendEntry[], left: number, top: number, right: number, columns?: number): { readonly markup: string; readonly bottom: number } {
  let markup = '';
  let x = left;
  let y = top;
  // With columns, entries sit on a grid (a wrapped legend then lines up); without, they follow each other.
  const column = columns === undefined ? 0 : (right - left) / columns;
  for (const entry of entries) {
    let item = legendItem(x, y, entry.color, entry.label, entry.marker);
    if (x > left && x + item.width - 18 > right + 1) {
      x = left;
      y += 20;
      item = legendItem(x, y, entry.color, entry.label, entry.marker);
    }
    markup += item.markup;
    x += column > 0 ? Math.ceil(item.width / column) * column : item.width;
  }
  return { markup, bottom: y };
}

/** Tick labels with the decimals their step needs and no more, all alike: 4.25, 4.50, 4.75 (never 4.3, 4.5, 4.8). */
export function tickLabels(ticks: readonly number[]): string[] {
  const step = ticks.length > 1 ? Math.abs((ticks[1] as number) - (ticks[0] as number)) : 1;
  let digits = 0;
  while (digits < 4 && Math.abs(Math.round(step * 10 ** digits) - step * 10 ** digits) > 1e-6) digits++;
  return ticks.map((tick) => {
    const text = tick.toFixed(digits);
    return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
  });
}
