// An agent signs in, logs a phone complaint for a new customer, walks it through every step of
// the method to closed, and checks the timeline — in English, then the same pages in Spanish
// and Turkish; at 360 px too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
before(async () => { tend = await start(); });
after(async () => { await tend?.stop(); });

test('the first screen tells a newcomer to sign in', async () => {
  const ctx = await tend.context();
  const page = await ctx.newPage();
  const res = await page.goto('/');
  assert.equal(res.status(), 200);
  assert.match(page.url(), /\/sign-in\?next=/);
  assert.equal(await page.getByLabel('E-mail').count(), 1, 'labelled inputs');
  await shot(page, 'sign-in');
  assert.deepEqual(await unlabelled(page), []);
  await page.locator('#email').fill(tend.admin.email);
  await page.locator('#password').fill('wrong password');
  await page.locator('form[action="/sign-in"] button[type=submit]').click();
  await page.getByText('do not match an active account').waitFor();
  await ctx.close();
});

test('a phone complaint from received to closed', async () => {
  const ctx = await tend.context();
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await shot(page, 'inbox-empty');

  await page.getByRole('link', { name: 'New complaint' }).click();
  assert.equal(await page.locator('#channel').inputValue(), 'phone', 'phone by default');
  assert.notEqual(await page.locator('#received_at').inputValue(), '', 'received now');
  await page.getByLabel('Name', { exact: true }).fill('Jane Doe');
  await page.getByLabel('Phone', { exact: true }).fill('+34 600 000 000');
  await page.locator('#c_email').fill('jane@example.com');
  await page.locator('#priority').selectOption('high');
  await page.locator('#subject').fill('Cracked jar');
  await page.locator('#description').fill('The blender arrived with a cracked jar.');
  await shot(page, 'new-complaint');
  assert.deepEqual(await unlabelled(page), []);
  await page.getByRole('button', { name: 'Log the complaint' }).click();
  await page.waitForURL(/\/complaints\/\d+$/);
  const complaintUrl = page.url();

  // 1. Understand: only this step's form is shown.
  await page.getByRole('heading', { name: '1. Understand' }).waitFor();
  assert.equal(await page.locator('#root_cause').count(), 0);
  await shot(page, 'step-1-understand');
  await page.getByLabel('The facts, as the customer told them').fill('Jar cracked on arrival; box undamaged.');
  await page.getByRole('button', { name: 'Save the facts' }).click();
  await page.getByText('Read the facts back to the customer').first().waitFor();
  await page.getByLabel('I read the facts back and the customer confirmed them').check();
  await page.getByRole('button', { name: 'Save the facts' }).click();

  // 2. Identify the cause; the facts show above.
  await page.getByRole('heading', { name: '2. Identify the cause' }).waitFor();
  await page.getByText('Jar cracked on arrival; box undamaged.').first().waitFor();
  await page.getByLabel('What caused the problem').fill('A faulty batch from the vendor');
  await page.getByLabel('Who was responsible').selectOption('vendor');
  await page.getByRole('button', { name: 'Save the cause' }).click();

  // 3. Propose solutions: the customer's idea first.
  await page.getByRole('heading', { name: '3. Propose solutions' }).waitFor();
  await page.getByLabel('What the customer proposed').fill('A new jar');
  await page.getByLabel('The solution you agreed').fill('Send a new jar by courier');
  await page.getByLabel('Promised for later').check();
  await page.locator('#promised_by').fill('2030-01-10T12:00');
  await page.getByRole('button', { name: 'Save the solution' }).click();

  // A step taken along the way.
  await page.getByRole('heading', { name: '4. Resolve' }).waitFor();
  await page.getByLabel('A step you took').fill('Courier booked; tracking sent');
  await page.getByRole('button', { name: 'Add the step' }).click();
  await page.getByText('Courier booked; tracking sent').first().waitFor();

  // 4. Resolve: corrective action, apology, compensation.
  await page.getByLabel('Corrective action taken').fill('New jar delivered');
  await page.getByLabel('We apologised to the customer').check();
  await page.locator('#comp_kind').selectOption('coupon');
  await page.locator('#comp_amount').fill('10.00');
  await page.locator('#comp_currency').fill('EUR');
  await page.locator('#follow_up_at').fill('2030-01-17T10:00');
  await shot(page, 'step-4-resolve');
  assert.deepEqual(await unlabelled(page), []);
  await page.getByRole('button', { name: 'Mark resolved' }).click();

  // 5. Follow up, then close.
  await page.getByRole('heading', { name: '5. Follow up' }).waitFor();
  await page.locator('#outcome').selectOption('satisfied');
  await page.locator('#rating').selectOption('5');
  await page.getByRole('button', { name: 'Save the follow-up' }).click();
  await page.getByRole('button', { name: 'Close the complaint' }).first().waitFor();
  await page.locator('#step').getByRole('button', { name: 'Close the complaint' }).click();
  await page.locator('h1 .status').filter({ hasText: 'Closed' }).waitFor();
  await shot(page, 'complaint-closed');

  // The timeline has every step, with who did it.
  const timeline = await page.locator('#timeline').innerText();
  for (const action of ['Received', 'Understood', 'Cause identified', 'Solution agreed', 'Step taken', 'Resolved', 'Followed up', 'Close']) {
    assert.ok(timeline.includes(action), `${action} in the timeline`);
  }
  assert.ok(timeline.includes('Ada Admin'));
  assert.ok((await page.locator('#answers-h + dl').innerText()).includes('Coupon 10.00 EUR'));

  // The inbox lists it as closed; the customer page shows the outcome.
  await page.goto('/inbox?status=closed');
  await page.getByRole('link', { name: 'Jane Doe' }).first().waitFor();
  await shot(page, 'inbox');
  assert.deepEqual(await unlabelled(page), []);
  await page.getByRole('link', { name: 'Jane Doe' }).first().click();
  await page.getByText('Satisfied').first().waitFor();
  await shot(page, 'customer');
  await page.goto('/settings');
  assert.deepEqual(await unlabelled(page), []);
  await shot(page, 'settings');
  // A manager sets the phone line's week, holidays and targets in plain fields.
  await page.locator('summary', { hasText: 'Phone' }).click();
  await page.locator('#tz-phone').fill('Europe/Madrid');
  await page.locator('form[action="/settings/channels/phone"] input[name=always_open]').uncheck();
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) await page.locator(`#${d}-phone`).fill('09:00-13:00, 14:00-18:00');
  await page.locator('#closed-phone').fill('2026-12-25 yearly');
  await page.locator('#fr-normal-phone').fill('240');
  await page.locator('#res-normal-phone').fill('960');
  const saved = page.waitForResponse((r) => r.url().endsWith('/settings/channels/phone'));
  await page.locator('form[action="/settings/channels/phone"] button[type=submit]').click();
  assert.equal((await saved).status(), 303);
  await page.goto('/settings');
  await page.locator('summary', { hasText: 'Phone' }).click();
  assert.equal(await page.locator('#mon-phone').inputValue(), '09:00-13:00, 14:00-18:00');
  assert.equal(await page.locator('#res-normal-phone').inputValue(), '960');
  await shot(page, 'settings-channel');

  // The same complaint in Spanish and Turkish, through the switcher.
  await page.goto(complaintUrl);
  await page.locator('#lang-select').selectOption('es');
  await page.locator('form.lang button').click();
  await page.getByRole('heading', { name: 'Historial' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.ok((await page.locator('#answers-h + dl').innerText()).includes('Cupón 10,00 EUR'), 'decimal comma');
  await shot(page, 'complaint-es');
  await page.locator('#lang-select').selectOption('tr');
  await page.locator('form.lang button').click();
  await page.getByRole('heading', { name: 'Geçmiş' }).waitFor();
  assert.ok((await page.locator('#answers-h + dl').innerText()).includes('Kupon 10,00 EUR'));
  await shot(page, 'complaint-tr');

  // 360 px wide: the same page, no horizontal scrolling.
  const phone = await tend.context('en-US', { width: 360, height: 740 });
  const small = await phone.newPage();
  await signIn(small, tend.admin);
  await small.goto(complaintUrl);
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at 360 px (${overflow}px)`);
  await shot(small, 'complaint-360px');
  await small.goto('/inbox');
  await shot(small, 'inbox-360px');

  // Signing out ends the session.
  await page.locator('form.signout button').click();
  await page.waitForURL('**/sign-in');
  await page.goto('/inbox');
  assert.match(page.url(), /sign-in/);
  assert.deepEqual(problems, []);
  await phone.close();
  await ctx.close();
});

// The same journey in Spanish and Turkish: the browser asks for the language, every step's
// heading, button and the timeline speak it, and dates and amounts are written its way.
const LANGUAGES = [
  { locale: 'es-ES', lang: 'es', steps: ['1. Comprender', '2. Identificar la causa', '3. Proponer soluciones', '4. Resolver', '5. Hacer seguimiento'], closed: 'Cerrada', timeline: ['Recibida', 'Comprendida', 'Causa identificada', 'Solución acordada', 'Resuelta', 'Seguimiento hecho'], money: 'Cupón 12,50 EUR', date: /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/ },
  { locale: 'tr-TR', lang: 'tr', steps: ['1. Anlamak', '2. Nedeni belirlemek', '3. Çözüm önermek', '4. Çözmek', '5. Takip etmek'], closed: 'Kapatıldı', timeline: ['Alındı', 'Anlaşıldı', 'Neden belirlendi', 'Çözümde anlaşıldı', 'Çözüldü', 'Takip edildi'], money: 'Kupon 12,50 EUR', date: /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/ },
];

for (const l of LANGUAGES) {
  test(`the same phone complaint to closed, in ${l.lang}`, async () => {
    const ctx = await tend.context(l.locale);
    const page = await ctx.newPage();
    const problems = watch(page);
    // An agent of their own: the admin's language choice (Turkish, above) follows the admin.
    const agent = { email: `agent.${l.lang}@example.com` };
    const added = tend.tend('user', 'add', '--email', agent.email, '--name', `Agent ${l.lang}`, '--role', 'agent');
    agent.password = /one-time password: (\S+)/.exec(added)[1];
    await signIn(page, agent);
    assert.equal(await page.locator('html').getAttribute('lang'), l.lang);
    await page.goto('/complaints/new');
    await page.locator('#c_name').fill(`Cliente ${l.lang}`);
    await page.locator('#c_phone').fill('+90 212 555 00 00');
    await page.locator('#description').fill(`La batidora llegó rota (${l.lang}).`);
    await page.locator('form[method=post][action="/complaints/new"] button[type=submit]').click();
    await page.waitForURL(/\/complaints\/\d+$/);
    const submit = () => page.locator('#step button[type=submit]').click();
    const heading = (i) => page.locator('#step-h').filter({ hasText: l.steps[i] }).waitFor();

    await heading(0);
    await page.locator('#facts').fill('Llegó rota; caja intacta.');
    await page.locator('input[name=read_back]').check();
    await submit();
    await heading(1);
    await page.locator('#root_cause').fill('Lote defectuoso');
    await page.locator('#responsible_party').selectOption('vendor');
    await submit();
    await heading(2);
    await page.locator('#customer_proposal').fill('Una nueva');
    await page.locator('#agreed_solution').fill('Enviar una nueva');
    await submit();
    await heading(3);
    await page.locator('#corrective_action').fill('Enviada');
    await page.locator('#comp_kind').selectOption('coupon');
    await page.locator('#comp_amount').fill('12,50');
    await page.locator('#comp_currency').fill('EUR');
    await submit();
    await heading(4);
    await page.locator('#outcome').selectOption('satisfied');
    await submit();
    await page.locator('#step').locator('input[name=action][value=close]').waitFor({ state: 'attached' });
    await submit();
    await page.locator('h1 .status').filter({ hasText: l.closed }).waitFor();
    assert.ok((await page.locator('#answers-h + dl').innerText()).includes(l.money));
    const timeline = await page.locator('#timeline').innerText();
    for (const a of l.timeline) assert.ok(timeline.includes(a), `${a} in the ${l.lang} timeline`);
    assert.match(timeline, l.date);
    await shot(page, `complaint-closed-${l.lang}`);
    await page.goto('/inbox');
    await shot(page, `inbox-${l.lang}`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}
