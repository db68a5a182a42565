// The plan in a real browser: the vision worksheet filled in Turkish (the statement then heads
// the staff pages), a goal and a policy set on their pages, and the plan page showing the
// vision, the goal and the policy version in effect — printable, with no navigation and no
// forms when printed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

const STATEMENT = 'Her müşteriye aynı gün, adıyla yanıt veririz.';

test('the vision worksheet in Turkish heads the staff pages', async () => {
  const ctx = await tend.context('tr-TR');
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await page.goto('/plan/vision');
  assert.equal(await page.locator('html').getAttribute('lang'), 'tr');
  await page.getByText('Şirketin başarısının beş nedeni').first().waitFor();
  assert.deepEqual(await unlabelled(page), []);
  await page.locator('#success-1').fill('Sadık müşteriler');
  await page.locator('#customer_view-1').fill('Aynı gün yanıt alıyorum');
  await page.locator('#steps-1').fill('Hizmet saatleri yayımlandı');
  await page.locator('#elements-1').fill('hız');
  await page.locator('#verbs-1').fill('yanıtlamak');
  await page.locator('#statement').fill(STATEMENT);
  await page.locator('form[action="/plan/vision"] button[type=submit]').click();
  await page.waitForURL(/\/plan\/vision$/);
  assert.equal(await page.locator('#vision-statement').textContent(), STATEMENT);
  assert.equal(await page.locator('#success-1').inputValue(), 'Sadık müşteriler');
  await page.locator('#vision-history').getByText('Ada Admin').first().waitFor();
  await page.goto('/inbox');
  assert.equal(await page.locator('#vision-statement').textContent(), STATEMENT);
  await shot(page, 'vision-tr');
  assert.deepEqual(problems, []);
  await ctx.close();
});

test('the plan page shows the vision, the goals and the policy', async () => {
  const ctx = await tend.context('en-US');
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);

  // A goal, set on its page.
  await page.goto('/goals/new');
  await page.locator('#name').fill('Satisfied customers');
  await page.locator('#measure').selectOption('csat');
  await page.locator('#target').fill('80');
  await page.locator('#direction').selectOption('at_least');
  await page.locator('#period').selectOption('quarter');
  await page.locator('#owner_id').selectOption({ label: 'Ada Admin' });
  await page.locator('form[action="/goals/new"] button[type=submit]').click();
  await page.waitForURL(/\/goals\/\d+$/);

  // A policy draft, approved from today.
  await page.goto('/plan/policy/new');
  await page.locator('#note').fill('First policy');
  await page.locator('#speed-en').fill('We answer within a day.');
  await page.locator('form[action="/plan/policy/new"] button[type=submit]').click();
  await page.waitForURL(/\/plan\/policy(\/\d+)?$/);
  await page.goto('/plan/policy');
  await page.locator('form[action$="/approve"] button[type=submit]').first().click();
  await page.waitForURL(/\/plan\/policy$/);

  // The plan, reached from the navigation.
  await page.goto('/inbox');
  await page.locator('header nav a[href="/plan"]').click();
  await page.waitForURL(/\/plan$/);
  assert.match(await page.locator('h1').textContent(), /^The plan as of /);
  assert.equal(await page.locator('#plan-vision blockquote').textContent(), STATEMENT);
  await page.locator('#plan-goals').getByText('Satisfied customers').waitFor();
  assert.match(await page.locator('#plan-goals tbody tr').first().textContent(), /at least 80\.00/);
  await page.locator('#plan-policy').getByText('Version 1').waitFor();
  await page.locator('#plan-policy').getByText('Speed').waitFor();
  await page.locator('#plan-training').getByText('0 of 1 staff attended').waitFor();
  assert.deepEqual(await unlabelled(page), []);
  await shot(page, 'plan');

  // An earlier date: nothing was in force yet.
  await page.locator('#on').fill('2020-01-01');
  await page.locator('form[action="/plan"] button[type=submit]').click();
  await page.waitForURL(/\/plan\?on=2020-01-01$/);
  await page.locator('#plan-vision').getByText('No vision statement had been saved by this date.').waitFor();
  await page.locator('#plan-policy').getByText('No policy version was in effect on this date.').waitFor();

  // Printed: no navigation, no forms; the plan itself stays.
  await page.goto('/plan');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.top nav').isVisible(), false);
  assert.equal(await page.locator('form[action="/plan"]').isVisible(), false);
  assert.equal(await page.locator('form[action="/language"]').isVisible(), false);
  assert.equal(await page.locator('#plan-vision blockquote').isVisible(), true);
  assert.deepEqual(problems, []);
  await ctx.close();
});
