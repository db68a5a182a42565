// The first run in the browser: a fresh server prints a one-time setup link on its standard
// output; the setup page refuses without it (or with a wrong one), creates the first
// administrator with the company's name and time zone, signs them in to the inbox, and is gone
// after that first use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, unlabelled } from './harness.js';

let tend;
before(async () => { tend = await start({ fresh: true }); });
after(async () => { await tend?.stop(); });

test('fresh server → setup link → first admin → inbox; refused without the token; gone after use', async () => {
  const match = /(http:\/\/\S+\/setup\?token=([A-Za-z0-9_-]+))/.exec(tend.output());
  assert.ok(match, `the server printed a setup link:\n${tend.output()}`);
  const path = new URL(match[1]).pathname + new URL(match[1]).search;

  const ctx = await tend.context('en-GB');
  const page = await ctx.newPage();
  const problems = watch(page);

  // The sign-in page points at the link in the server's output, not at a terminal command.
  await page.goto('/sign-in');
  assert.match(await page.locator('#first-run').locator('..').innerText(), /setup link/);

  // Without the token, or with a wrong one: refused.
  assert.equal((await page.goto('/setup')).status(), 403);
  assert.equal((await page.goto('/setup?token=not-the-token')).status(), 403);

  assert.equal((await page.goto(path)).status(), 200);
  assert.deepEqual(await unlabelled(page), []);
  await page.locator('#company').fill('Cafetera Feliz S.L.');
  await page.locator('#time_zone').fill('Europe/Madrid');
  await page.locator('#name').fill('Ada Admin');
  await page.locator('#email').fill('ada@example.com');
  await page.locator('#language').selectOption('es');
  // A weak password is refused by the strength check; the form keeps what was typed.
  await page.locator('#password').fill('password123');
  await page.locator('#repeat').fill('password123');
  await page.locator('form[action="/setup"] button[type=submit]').click();
  await page.locator('p.error[role=alert]').waitFor();
  assert.equal(await page.locator('#company').inputValue(), 'Cafetera Feliz S.L.');
  await shot(page, 'setup-refused');

  await page.locator('#password').fill('lantern orbit pebble jukebox');
  await page.locator('#repeat').fill('lantern orbit pebble jukebox');
  await page.locator('form[action="/setup"] button[type=submit]').click();
  await page.waitForURL('**/inbox');
  await shot(page, 'setup-inbox');
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');

  // Used once: gone, even with the right token.
  assert.equal((await page.goto(path)).status(), 404);
  const other = await (await tend.context('en-GB')).newPage();
  assert.equal((await other.goto(path)).status(), 404);
  assert.deepEqual(problems, []);
});
