// The home page in a real browser: the owner's dashboard in Spanish and Turkish, at 360 px and
// on a desktop (screenshots written), with no script in the page, the charts readable as
// images with their data tables, and an accessibility check by axe-core finding no serious or
// critical violation. axe runs in a separate context that bypasses the page's CSP for the
// check only (the page itself is served and first looked at under its strict CSP).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { start, watch, shot, signIn } from './harness.js';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let tend;
before(async () => {
  tend = await start();
  // Three months of backorders (this month and the two before it), imported from CSV.
  const month = (back) => {
    const d = new Date();
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
    return m.toISOString().slice(0, 10);
  };
  const csv = join(mkdtempSync(join(tmpdir(), 'tend-figures-')), 'figures.csv');
  writeFileSync(csv, `figure,period,numerator\nbackorders,${month(2)},12\nbackorders,${month(1)},7\nbackorders,${month(0)},9\n`);
  tend.tend('import', 'figures', csv);
  // A goal and the pinned figure, so the page has cards and charts.
  const ctx = await tend.context('en-US');
  const page = await ctx.newPage();
  await signIn(page, tend.admin);
  await page.goto('/goals/new');
  await page.locator('#name').fill('Satisfied customers');
  await page.locator('#measure').selectOption('csat');
  await page.locator('#target').fill('80');
  await page.locator('#direction').selectOption('at_least');
  await page.locator('#period').selectOption('month');
  await page.locator('#owner_id').selectOption({ label: 'Ada Admin' });
  await page.locator('form[action="/goals/new"] button[type=submit]').click();
  await page.waitForURL(/\/goals\/\d+$/);
  await page.goto('/');
  await page.locator('#figure').selectOption({ label: 'Backorders' });
  await page.locator('form[action="/dashboard/pins"] button[type=submit]').click();
  await page.waitForURL(/\/#pins$/);
  await ctx.close();
});
after(async () => { await tend?.stop(); });

const VIEWS = [
  { name: 'mobile', viewport: { width: 360, height: 800 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];
const LANGS = [
  { locale: 'es-ES', lang: 'es', heading: 'Los tres problemas principales' },
  { locale: 'tr-TR', lang: 'tr', heading: 'En önemli üç sorun' },
];

for (const { locale, lang, heading } of LANGS) {
  for (const { name, viewport } of VIEWS) {
    test(`the dashboard in ${lang} at ${viewport.width} px`, async () => {
      const ctx = await tend.context(locale, viewport);
      const page = await ctx.newPage();
      const problems = watch(page);
      await signIn(page, tend.admin);
      const res = await page.goto('/');
      assert.match(res.headers()['content-security-policy'], /script-src 'none'/);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      await page.getByText(heading).first().waitFor();
      assert.equal(await page.locator('script').count(), 0, 'no script in the page');
      const charts = page.locator('figure.chart svg[role="img"]');
      assert.ok(await charts.count() >= 1, 'at least one chart');
      for (const svg of await charts.all()) {
        assert.ok((await svg.locator(':scope > title').textContent()).length > 0);
        assert.ok((await svg.locator(':scope > desc').textContent()).length > 0);
        const box = await svg.boundingBox();
        assert.ok(box.width <= viewport.width, `the chart fits: ${box.width}`);
      }
      // Nothing wider than the screen.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= viewport.width + 1, `no horizontal scroll: ${wide}`);
      await shot(page, `dashboard-${lang}-${name}`);
      assert.deepEqual(problems, []);
      await ctx.close();

      // The accessibility check, in its own context allowed to run axe.
      const check = await tend.context(locale, viewport, { bypassCSP: true });
      const p = await check.newPage();
      await signIn(p, tend.admin);
      await p.goto('/');
      await p.addScriptTag({ content: AXE });
      const result = await p.evaluate(async () => window.axe.run(document, {
        resultTypes: ['violations'],
      }));
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(bad, []);
      await check.close();
    });
  }
}
