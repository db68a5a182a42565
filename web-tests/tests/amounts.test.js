// Amounts typed as a person writes them: the resolve form reads the compensation amount the
// reader's way (Turkish `2.500,00` is 2500.00; English `2,500` is 2500), stores the exact
// amount, and refuses what does not follow the reader's way instead of guessing.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, signIn } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

/** Signs a new agent in with `locale` and brings a new complaint to the resolve step. */
async function toResolve(locale, lang, steps) {
  const ctx = await tend.context(locale);
  const page = await ctx.newPage();
  const problems = watch(page);
  const agent = { email: `amounts.${lang}@example.com` };
  const added = tend.tend('user', 'add', '--email', agent.email, '--name', `Amounts ${lang}`, '--role', 'agent');
  agent.password = /one-time password: (\S+)/.exec(added)[1];
  await signIn(page, agent);
  await page.goto('/complaints/new');
  await page.locator('#c_name').fill(`Amount ${lang}`);
  await page.locator('#c_phone').fill('+90 212 555 00 01');
  await page.locator('#description').fill(`Compensation in ${lang}.`);
  await page.locator('form[method=post][action="/complaints/new"] button[type=submit]').click();
  await page.waitForURL(/\/complaints\/\d+$/);
  const id = /\/complaints\/(\d+)$/.exec(page.url())[1];
  const submit = () => page.locator('#step button[type=submit]').click();
  const heading = (i) => page.locator('#step-h').filter({ hasText: steps[i] }).waitFor();
  await heading(0);
  await page.locator('#facts').fill('Broken.');
  await page.locator('input[name=read_back]').check();
  await submit();
  await heading(1);
  await page.locator('#root_cause').fill('Batch');
  await page.locator('#responsible_party').selectOption('vendor');
  await submit();
  await heading(2);
  await page.locator('#customer_proposal').fill('Money back');
  await page.locator('#agreed_solution').fill('Money back');
  await submit();
  await heading(3);
  return { ctx, page, problems, id, submit, heading };
}

function storedAmount(id) {
  const lines = tend.tend('export', 'complaints', '--format', 'json').trim().split('\n');
  const c = lines.map((l) => JSON.parse(l)).find((x) => x.id === id);
  return c?.['compensation.amount'] ?? undefined;
}

test('Turkish 2.500,00 TRY is stored as 2500.00', async () => {
  const steps = ['1. Anlamak', '2. Nedeni belirlemek', '3. Çözüm önermek', '4. Çözmek', '5. Takip etmek'];
  const r = await toResolve('tr-TR', 'tr', steps);
  await r.page.locator('#corrective_action').fill('İade edildi');
  await r.page.locator('#comp_kind').selectOption('refund');
  await r.page.locator('#comp_amount').fill('2.500,00');
  await r.page.locator('#comp_currency').fill('TRY');
  await r.submit();
  await r.heading(4);
  assert.equal(storedAmount(r.id), '2500.00 TRY');
  assert.deepEqual(r.problems, []);
  await r.ctx.close();
});

test('English 2,500 KWD is 2500.000, and 2.500,00 is refused with the English way shown', async () => {
  const steps = ['1. Understand', '2. Identify the cause', '3. Propose solutions', '4. Resolve', '5. Follow up'];
  const r = await toResolve('en-US', 'en', steps);
  await r.page.locator('#corrective_action').fill('Refunded');
  await r.page.locator('#comp_kind').selectOption('refund');
  await r.page.locator('#comp_amount').fill('2.500,00');
  await r.page.locator('#comp_currency').fill('KWD');
  await r.submit();
  await r.page.getByText('1,234.500').first().waitFor();
  assert.equal(storedAmount(r.id), undefined, 'nothing stored');
  await r.page.locator('#comp_amount').fill('2,500');
  await r.submit();
  await r.heading(4);
  assert.equal(storedAmount(r.id), '2500.000 KWD');
  await r.ctx.close();
});
