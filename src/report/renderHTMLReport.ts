import { guard } from '../internal/guard.js';
import { METRIC_LABELS } from './format.js';
import type { ReportData } from './ReportData.js';
import { FigureCounter, metricSection, riskSection, scoreCards, sourceSection } from './reportSections.js';
import { REPORT_STYLES } from './reportStyles.js';
import { escapeMarkup } from './svg.js';

/**
 * Renders a whole report as one self-contained HTML file: per metric the score with its
 * interval and n, the NPS bar, the answer distribution, the trend and the segments (each chart
 * with a caption and beside a table of its numbers), and where every row went; the loyalty tiers,
 * the relationship × effort grid and the first of the worklist when risk was classified; and what
 * was detected about the file. It is what `cx-metrics report --format html` writes.
 *
 * One file, nothing to fetch: the CSS is inline, the charts are inline SVG in system fonts, and
 * no script is needed to read it (there is none). It prints cleanly (`@media print`: no
 * navigation, no chart or table split across pages). It is accessible: `lang="en"`, one `<h1>`,
 * a heading per section, every chart an image with a text alternative and a caption, every table
 * with a caption and header cells. Every string from the data (the title, column names, segment
 * values, customer ids, file notes) is escaped, so a segment named `<script>` prints as text.
 *
 * @param data - the report's title, source, metrics and optional loyalty-risk result
 * @returns the HTML document as a string
 *
 * @example
 * ```ts
 * import { computeNPS, ingest, scales } from 'cx-metrics';
 * import { renderHTMLReport } from 'cx-metrics/report';
 *
 * const read = ingest([{ score: 10 }, { score: 9 }, { score: 3 }, { score: null }], { scale: scales.nps });
 * const html = renderHTMLReport({
 *   title: 'Survey <Q3>',
 *   source: undefined,
 *   metrics: [{ column: 'score', result: computeNPS(read.records), segments: undefined, trend: undefined, ingest: read }],
 *   risk: undefined,
 * });
 * html.startsWith('<!doctype html>'); // => true
 * html.includes('<title>Survey &lt;Q3&gt;</title>'); // => true
 * html.match(/role="img"/g)?.length; // => 2
 * html.includes('<script'); // => false
 * ```
 */
export function renderHTMLReport(data: ReportData): string {
  return guard('renderHTMLReport', () => {
    const figures = new FigureCounter();
    const title = data.title.trim() === '' ? 'Survey report' : data.title;
    const metricNames = data.metrics.map((metric) => METRIC_LABELS[metric.result.metric]);
    const contents = [
      ...data.metrics.map((metric, index) => `<li><a href="#metric-${index + 1}">${escapeMarkup(`${metricNames[index]} (${metric.column})`)}</a></li>`),
      ...(data.risk === undefined ? [] : ['<li><a href="#risk">Loyalty risk</a></li>']),
      '<li><a href="#source">About the data</a></li>',
    ];
    const lead =
      data.metrics.length === 0
        ? data.risk === undefined
          ? 'No metric was computed.'
          : `Loyalty risk of ${data.risk.summary.customers} customers${data.source === undefined ? '' : ` from ${data.source.name}`}: each placed by their relationship (NPS) and recent effort (CES).`
        : `${metricNames.join(', ')}${data.risk === undefined ? '' : ' and loyalty risk'}${data.source === undefined ? '' : ` from ${data.source.name === '-' ? 'standard input' : data.source.name}`}. Intervals are confidence intervals; every row read is accounted for.`;
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="generator" content="cx-metrics">',
      `<title>${escapeMarkup(title)}</title>`,
      `<style>${REPORT_STYLES}</style>`,
      '</head>',
      '<body>',
      '<div class="page">',
      `<header class="report"><h1>${escapeMarkup(title)}</h1><p class="lead">${escapeMarkup(lead)}</p><nav aria-label="Contents"><ol>${contents.join('')}</ol></nav></header>`,
      '<main>',
      scoreCards(data.metrics, data.risk),
      ...data.metrics.map((metric, index) => metricSection(metric, index, figures)),
      data.risk === undefined ? '' : riskSection(data.risk, figures, data.evaluation),
      sourceSection(data.source),
      '</main>',
      '<footer><p>Made with cx-metrics. Scores are computed exactly and rounded only for display; shares shown together are rounded to add up to 100%. Segments and periods below their minimum n are marked as not reliable.</p></footer>',
      '</div>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  });
}
