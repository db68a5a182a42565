// Text that looks like code stays text: a stored <script> (and friends) in a complaint never
// runs — not on the agent's pages, not on the customer's status page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

const SCRIPT = '<script>window.__xss = 1; alert("xss")</script>';
const IMG = '<img src=x onerror="window.__xss = 2; alert(2)">';

test('a stored <script> never executes', async () => {
  const customer = await tend.context();
  const cpage = await customer.newPage();
  const cproblems = watch(cpage);
  await cpage.goto('/complain');
  await cpage.locator('#name').fill(`<svg onload="window.__xss = 3; alert(3)">`);
  await cpage.locator('#email').fill('mallory@example.com');
  await cpage.locator('#description').fill(`${SCRIPT} ${IMG} and a real problem`);
  await cpage.locator('#order').fill(`<script>alert(4)</script>`);
  await cpage.locator('form[action="/complain"] button[type=submit]').click();
  const link = await cpage.locator('#status-link').getAttribute('href');
  const reference = await cpage.locator('#reference').innerText();
  await cpage.goto(link);
  await cpage.locator('#text').fill(SCRIPT);
  await cpage.locator('form[action$="/message"] button').click();
  await cpage.getByText(SCRIPT).waitFor();

  const agent = await tend.context();
  const page = await agent.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await page.getByRole('link', { name: reference }).click();
  await page.locator('#description').getByText(SCRIPT, { exact: false }).waitFor();
  assert.ok((await page.locator('#description').innerText()).includes(IMG), 'shown as text');
  await shot(page, 'xss-complaint');
  for (const p of [page, cpage]) {
    assert.equal(await p.evaluate(() => window.__xss), undefined);
    assert.equal(await p.locator('script').count(), 0, 'no script element in the page');
  }
  await page.goto('/inbox');
  await page.goto('/customers');
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(problems, []);
  assert.deepEqual(cproblems, []);
  await customer.close();
  await agent.close();
});
