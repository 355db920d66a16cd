// Opens the HTML report of the bundled sample in headless Chromium: it must load without an
// error, fetch nothing, draw every chart at a real size with its text alternative, and print
// without its navigation. The full-page screenshot is docs/report.png (in CI, a temp file, so a
// clean clone stays clean).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderHTMLReport } from 'cx-metrics/report';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { sampleReport } from './sample.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCI = process.env['CI'] !== undefined && process.env['CI'] !== '';
if (!available && !inCI) console.warn(`browser.test.ts: skipped, ${CHROMIUM} does not exist (install Chromium to run it; in CI it fails instead)`);

describe('the HTML report in a browser', () => {
  test.skipIf(!available && !inCI)('loads without errors, fetches nothing, draws every chart with its text alternative, and is saved as a screenshot', async () => {
    expect(existsSync(CHROMIUM), `Chromium is required at ${CHROMIUM}`).toBe(true);
    const html = renderHTMLReport(sampleReport());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => problems.push(`request: ${request.url()}`));
      await page.setContent(html, { waitUntil: 'load' });

      const charts = await page.$$eval('svg[role=img]', (svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          return { width: box.width, height: box.height, label: svg.getAttribute('aria-label') ?? '', title: svg.querySelector(':scope > title')?.textContent ?? '' };
        }),
      );
      expect(charts).toHaveLength(12);
      for (const chart of charts) {
        expect(chart.width, chart.label).toBeGreaterThan(100);
        expect(chart.height, chart.label).toBeGreaterThan(50);
        expect(chart.label.length).toBeGreaterThan(10);
        expect(chart.title.length).toBeGreaterThan(3);
      }
      // Nothing sticks out of the page (a chart or table wider than the screen would need a scroll bar).
      const overflow = await page.$eval('html', (root) => root.scrollWidth - root.clientWidth);
      expect(overflow).toBe(0);
      expect(await page.locator('h1').count()).toBe(1);
      // On a phone (390 px) too: long titles wrap, charts shrink, wide tables scroll in their own box.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.$eval('html', (root) => root.scrollWidth - root.clientWidth)).toBe(0);
      await page.setViewportSize({ width: 1024, height: 800 });

      const screenshot = inCI ? join(mkdtempSync(join(tmpdir(), 'cx-metrics-report-')), 'report.png') : fileURLToPath(new URL('../../docs/report.png', import.meta.url));
      await page.screenshot({ path: screenshot, fullPage: true });
      expect(existsSync(screenshot)).toBe(true);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav').isVisible()).toBe(false);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
