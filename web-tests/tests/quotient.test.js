// The customer service quotient assessed in Turkish in a real browser: a partial answer is
// refused with the unrated statement named in Turkish and the ratings kept; the full answer
// is scored (hand-computed: every statement 4 except ease of contact 2, 2, 2 → 6 × 4 + 2 = 26,
// adequate); at 360 px too. The plan page then shows that round's total and band.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

test('a quotient assessment in Turkish', async () => {
  const ctx = await tend.context('tr-TR', { width: 360, height: 800 });
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await page.goto('/quotient/assess');
  assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
  await page.getByText('Müşteri şikâyetlerini inceleriz.').waitFor();
  assert.deepEqual(await unlabelled(page), []);
  const radios = page.locator('input[type=radio][value="4"]');
  const n = await radios.count();
  assert.equal(n, 25, 'the method has 25 statements');
  for (let i = 0; i < n; i++) {
    const name = await radios.nth(i).getAttribute('name');
    if (name !== 'staff-3') await radios.nth(i).check();
  }
  await page.locator('#respondent').fill('Selin Sahip');
  await page.locator('form[action="/quotient/assess"] button[type=submit]').click();
  await page.getByText('5 ifadeden 3 numaralı olanlar puanlanmadı').first().waitFor();
  assert.equal(await page.locator('input[name="culture-1"][value="4"]').isChecked(), true, 'ratings kept');
  await shot(page, 'quotient-refused-tr');

  await page.locator('input[name="staff-3"][value="4"]').check();
  for (const name of ['contact-1', 'contact-2', 'contact-3']) {
    await page.locator(`input[name="${name}"][value="2"]`).check();
  }
  await page.locator('form[action="/quotient/assess"] button[type=submit]').click();
  await page.waitForURL(/\/quotient$/);
  await page.locator('#trend td.total').filter({ hasText: '26,00' }).waitFor();
  await page.getByText('yeterli, genel iyileştirme gerekir').first().waitFor();
  await page.locator('#weakest').getByText('İletişim kolaylığı · 2,00').waitFor();
  await shot(page, 'quotient-results-tr');
  // The plan page names the last round with its total and band, in Turkish.
  await page.goto('/plan');
  await page.locator('#plan-quotient .figure').getByText('Toplam: 26,00').waitFor();
  await page.locator('#plan-quotient .figure').getByText('yeterli, genel iyileştirme gerekir').waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
});
