// A customer uses the public form and follows the private status link — in English, Spanish
// and Turkish; an agent resolves the case and the customer says whether they are satisfied.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

const LANGUAGES = [
  { locale: 'en-GB', lang: 'en', title: 'Tell us what happened', received: 'We have received your message', thanks: 'Thank you', sent: 'Your messages' },
  { locale: 'es-ES', lang: 'es', title: 'Cuéntenos qué pasó', received: 'Hemos recibido su mensaje', thanks: 'Gracias', sent: 'Sus mensajes' },
  { locale: 'tr-TR', lang: 'tr', title: 'Bize ne olduğunu anlatın', received: 'İletinizi aldık', thanks: 'Teşekkürler', sent: 'İletileriniz' },
];

/** Submits the public form in `l`'s language; returns the status link and the reference. */
async function complain(page, l, description) {
  await page.goto('/complain');
  assert.equal(await page.locator('html').getAttribute('lang'), l.lang);
  await page.getByRole('heading', { name: l.title }).waitFor();
  await page.locator('#name').fill(`Cliente ${l.lang}`);
  await page.locator('#email').fill(`customer.${l.lang}@example.com`);
  await page.locator('#description').fill(description);
  await page.locator('#order').fill('A-1001');
  await shot(page, `public-form-${l.lang}`);
  assert.deepEqual(await unlabelled(page), []);
  await page.locator('form[action="/complain"] button[type=submit]').click();
  await page.getByRole('heading', { name: l.thanks }).waitFor();
  await shot(page, `public-thanks-${l.lang}`);
  const reference = await page.locator('#reference').innerText();
  const link = await page.locator('#status-link').getAttribute('href');
  assert.match(reference, /^C-\d{4}-\d+$/);
  assert.match(link, /\/status\/\d+\.[A-Za-z0-9_-]+$/);
  return { link, reference };
}

for (const l of LANGUAGES) {
  test(`a customer complains and follows the status link (${l.lang})`, async () => {
    const ctx = await tend.context(l.locale);
    const page = await ctx.newPage();
    const problems = watch(page);
    const { link, reference } = await complain(page, l, `My order arrived damaged (${l.lang}).`);
    await page.goto(link);
    await page.locator('#status-now').filter({ hasText: l.received }).waitFor();
    assert.ok((await page.locator('h1').innerText()).includes(reference));
    await page.locator('#text').fill(`A photo of the box (${l.lang})`);
    await page.locator('form[action$="/message"] button').click();
    await page.getByRole('heading', { name: l.sent }).waitFor();
    await page.getByText(`A photo of the box (${l.lang})`).waitFor();
    await shot(page, `status-${l.lang}`);
    assert.deepEqual(await unlabelled(page), []);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('the agent resolves it and the customer answers "satisfied?" on the status page', async () => {
  const customer = await tend.context('en-US');
  const cpage = await customer.newPage();
  const { link, reference } = await complain(cpage, LANGUAGES[0], 'The kettle stopped working after a week.');

  const agent = await tend.context('en-US');
  const page = await agent.newPage();
  await signIn(page, tend.admin);
  await page.locator('#q').fill('kettle');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('link', { name: reference }).click();
  // The customer's message is on the complaint's timeline.
  await page.getByLabel('The facts, as the customer told them').fill('Kettle dead after a week');
  await page.getByLabel('I read the facts back').check();
  await page.getByRole('button', { name: 'Save the facts' }).click();
  await page.getByLabel('What caused the problem').fill('Faulty thermostat');
  await page.getByRole('button', { name: 'Save the cause' }).click();
  await page.getByLabel('The solution you agreed').fill('A new kettle');
  await page.getByRole('button', { name: 'Save the solution' }).click();
  await page.getByLabel('Corrective action taken').fill('New kettle sent');
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await page.getByRole('heading', { name: '5. Follow up' }).waitFor();

  await cpage.goto(link);
  await cpage.getByText('We have resolved your case.').waitFor();
  await cpage.getByText('A new kettle').waitFor();
  await shot(cpage, 'status-resolved');
  // The satisfaction question is the CSAT instrument (1–5), answered with the keyboard.
  await cpage.getByLabel('5', { exact: true }).check();
  await cpage.getByRole('button', { name: 'Send my answer' }).click();
  await cpage.getByText('Outcome: Satisfied').waitFor();
  await cpage.locator('#satisfaction-given').getByText('5/5').waitFor();
  assert.equal(await cpage.getByRole('button', { name: 'Send my answer' }).count(), 0, 'asked once');

  await page.reload();
  await page.getByRole('heading', { name: 'Close' }).waitFor();
  const timeline = await page.locator('#timeline').innerText();
  assert.ok(timeline.includes('Satisfaction answer (CSAT)') && timeline.includes('customer'), timeline);
  await customer.close();
  await agent.close();
});
