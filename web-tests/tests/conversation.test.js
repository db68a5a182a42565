// A conversation by mail, both ways, with the real binary and real mail over TCP: a customer
// complains in Spanish; an agent answers with a Spanish canned reply (the customer's name and
// reference filled in) and waits on the customer; the customer reads the reply on the status
// page and receives it at their mail server (the test's SMTP server); their answer by e-mail,
// threaded by the reply's Message-ID and handed to Tend's LMTP listener as a mail server would,
// joins the conversation and puts the complaint back with the agents.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';
import { smtpServer, lmtpDeliver } from './mail.js';

let tend;
let smtp;
before(async () => {
  smtp = await smtpServer();
  tend = await start({ smtpPort: smtp.port });
});
after(async () => {
  await tend?.stop();
  await smtp?.close();
});

const LUCIA = { name: 'Lucía Fernández', email: 'lucia@cliente.test' };

/** A canned reply, through the API (staff manage them there). */
async function canned(token, language, title, body) {
  const res = await fetch(`${tend.base}/api/v1/canned-replies`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ language, title, body }),
  });
  assert.equal(res.status, 201, await res.text());
}

test('a Spanish canned reply reaches the customer on the page and by mail; their e-mailed answer joins the conversation', async () => {
  const token = tend.tend('token', 'create', '--email', tend.admin.email).trim().split('\n').pop();
  await canned(token, 'es', 'Pedir una foto', 'Hola {name}: sentimos lo ocurrido con su caso {reference}. ¿Nos puede enviar una foto de la caja?');
  await canned(token, 'en', 'Ask for a photo', 'Hello {name}: about {reference}, could you send us a photo of the box?');
  const added = tend.tend('user', 'add', '--email', 'agente@example.com', '--name', 'Agente Ruiz', '--role', 'agent');
  const agent = { email: 'agente@example.com', password: /one-time password: (\S+)/.exec(added)[1] };

  // The customer complains on the public form, in Spanish.
  const customer = await tend.context('es-ES');
  const cpage = await customer.newPage();
  const cproblems = watch(cpage);
  await cpage.goto('/complain');
  await cpage.locator('#name').fill(LUCIA.name);
  await cpage.locator('#email').fill(LUCIA.email);
  await cpage.locator('#description').fill('La batidora llegó con la jarra rota.');
  await cpage.locator('form[action="/complain"] button[type=submit]').click();
  const reference = await cpage.locator('#reference').innerText();
  const link = await cpage.locator('#status-link').getAttribute('href');
  const toLucia = (m) => m.to.includes(LUCIA.email) && (m.header('subject') || '').includes(reference);
  // Tend's automatic acknowledgement says so, and is marked as automatic.
  const ack = await smtp.waitFor(toLucia);
  assert.equal(ack.header('auto-submitted'), 'auto-generated');

  // The agent, in Spanish, starts from the canned reply in the customer's language.
  const staff = await tend.context('es-ES');
  const page = await staff.newPage();
  const problems = watch(page);
  await signIn(page, agent);
  await page.locator('#q').fill('batidora');
  await page.locator('#q').press('Enter');
  await page.getByRole('link', { name: reference }).first().click();
  await page.waitForURL(/\/complaints\/\d+$/);
  const complaintUrl = page.url();
  const titles = await page.locator('#canned option').allInnerTexts();
  assert.deepEqual(titles, ['Pedir una foto'], 'only the canned replies in Spanish');
  await page.locator('form[action$="/reply"] button[type=submit]').click();
  await page.waitForURL(/\/reply\?canned=\d+/);
  const filled = `Hola ${LUCIA.name}: sentimos lo ocurrido con su caso ${reference}. ¿Nos puede enviar una foto de la caja?`;
  assert.equal(await page.locator('#body').inputValue(), filled, 'name and reference filled in');
  assert.equal(await page.locator('input[name=kind][value=reply]').isChecked(), true);
  await shot(page, 'conversation-canned-es');
  assert.deepEqual(await unlabelled(page), []);
  await page.locator('form[action$="/messages"] button[type=submit]').click();
  await page.waitForURL(/\/complaints\/\d+#conversation$/);
  const reply = page.locator('#conversation li.message-reply');
  await reply.filter({ hasText: filled }).waitFor();
  assert.match(await reply.innerText(), /Agente Ruiz · respuesta/);
  // …and waits for the photo.
  await page.locator('summary', { hasText: 'Esperar al cliente' }).click();
  await page.locator('#wait-reason').fill('Foto de la caja');
  await page.locator('form[action$="/act"] button', { hasText: 'Esperar al cliente' }).click();
  await page.locator('.badge.paused', { hasText: 'Esperando al cliente' }).filter({ hasText: 'Foto de la caja' }).waitFor();

  // The customer's mail server receives the reply: in Spanish, threaded, from a person.
  const mailed = await smtp.waitFor((m) => toLucia(m) && (m.text || '').includes(filled));
  assert.equal(mailed.header('subject'), `Re: su reclamación ${reference}`);
  assert.equal(mailed.header('auto-submitted'), undefined, 'a person wrote it');
  const messageId = mailed.header('message-id');
  assert.match(messageId, /^<.+@.+>$/);
  assert.equal(mailed.header('in-reply-to'), ack.header('message-id'), 'it answers the acknowledgement');
  const statusLink = /http:\/\/127\.0\.0\.1:\d+\/status\/\S+/.exec(mailed.text)[0];
  assert.ok(statusLink.endsWith(link.slice(link.indexOf('/status/'))), `${statusLink} vs ${link}`);

  // …and reads it on the status page, the link from the mail.
  await cpage.goto(statusLink);
  await cpage.locator('#messages').getByText(filled).waitFor();
  await cpage.getByText('Esperamos su respuesta: Foto de la caja').waitFor();
  await shot(cpage, 'status-reply-es');

  // The customer answers from their mail program: a reply to Tend's message, quoting it.
  const answer = [
    `From: ${LUCIA.name} <${LUCIA.email}>`,
    'To: Tend <ayuda@tend.test>',
    `Subject: ${mailed.header('subject')}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    'Message-ID: <respuesta-1@cliente.test>',
    `In-Reply-To: ${messageId}`,
    `References: ${[mailed.header('references'), messageId].filter(Boolean).join(' ')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Aquí tiene la foto: la caja llegó aplastada por una esquina.',
    '',
    `> ${filled}`,
    '',
  ].join('\r\n');
  const said = await lmtpDeliver(tend.lmtp, LUCIA.email, 'ayuda@tend.test', answer);
  assert.match(said[0], /^220 /, said.join('\n'));
  assert.match(said.at(-2), /^250 2\.0\.0 /, `taken: ${said.join('\n')}`);

  // It is in the conversation, by e-mail, and the complaint is back with the agents.
  await page.goto(complaintUrl);
  const theirs = page.locator('#conversation li.message-customer');
  await theirs.filter({ hasText: 'Aquí tiene la foto: la caja llegó aplastada por una esquina.' }).waitFor();
  assert.match(await theirs.innerText(), /el cliente · por correo electrónico/);
  assert.equal(await page.locator('.badge.paused').count(), 0, 'no longer waiting');
  const timeline = await page.locator('#timeline').innerText();
  assert.ok(timeline.includes('El cliente respondió'), timeline);
  await shot(page, 'conversation-answered-es');
  await cpage.reload();
  await cpage.locator('#messages').getByText('Aquí tiene la foto').waitFor();
  assert.equal(await cpage.getByText('Esperamos su respuesta').count(), 0);
  assert.deepEqual(problems, []);
  assert.deepEqual(cproblems, []);
  await staff.close();
  await customer.close();
});
