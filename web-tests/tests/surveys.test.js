// A survey with a question of each kind, in three languages, answered in a real browser at
// 360 px with the keyboard only — in Spanish and in Turkish, page by page, every control
// labelled and nothing wider than the screen — then a manager codes the open answers.
// Hand-computed: ratings 4 and 2 → mean 3.00, median 3.0; NPS 10 and 3 → 50 % − 50 % = 0.0,
// too few answers for an interval; one of the two open answers coded → 50.0 %.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
let survey;
let publicPath;
before(async () => {
  tend = await start();
  const token = tend.tend('token', 'create', '--email', tend.admin.email).trim();
  const t = (en) => ({ en, es: `${en} (es)`, tr: `${en} (tr)` });
  const api = async (method, path, body) => {
    const res = await fetch(`${tend.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
    return res.json();
  };
  const created = await api('POST', '/api/v1/surveys', {
    languages: ['en', 'es', 'tr'],
    title: t('After your visit'),
    questions: [
      { kind: 'open', text: t('What happened?'), explanation: t('In your words.') },
      { kind: 'rating', scale: 5, required: true, text: t('How was it?') },
      { kind: 'nps', text: t('Would you recommend us?') },
      { kind: 'single_choice', page: 2, options: [t('Shop'), t('Web')], text: t('Where?') },
      { kind: 'multiple_choice', page: 2, other: true, options: [t('Price'), t('Staff'), t('Wait')], text: t('What mattered?') },
      { kind: 'yes_no', page: 2, text: t('Solved?') },
    ],
  });
  survey = created.id;
  const opened = await api('POST', `/api/v1/surveys/${survey}/publish`, {});
  publicPath = new URL(opened.public_link).pathname;
});
after(async () => { await tend?.stop(); });

/** Focuses `locator` and presses `key`, as a keyboard user would. */
async function key(locator, press) {
  await locator.focus();
  await locator.press(press);
}

async function answer(lang, locale, words, rating, nps, next, send, thanks) {
  const ctx = await tend.context(locale, { width: 360, height: 800 });
  const page = await ctx.newPage();
  const problems = watch(page);
  await page.goto(publicPath);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  await page.getByText(`What happened? (${lang})`).waitFor();
  assert.deepEqual(await unlabelled(page), []);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, `the page is ${wide} px wide at 360 px`);
  await page.locator('#q1').focus();
  await page.keyboard.type(words);
  await key(page.locator(`input[name="q2"][value="${rating}"]`), 'Space');
  await key(page.locator(`input[name="q3"][value="${nps}"]`), 'Space');
  await shot(page, `survey-${lang}-360px`);
  await key(page.getByRole('button', { name: next }), 'Enter');
  await page.getByText(`Where? (${lang})`).waitFor();
  // Page 2 resumes from the same link: leaving and coming back lands on it.
  await page.goto(publicPath);
  await page.getByText(`Where? (${lang})`).waitFor();
  await key(page.locator('input[name="q4"][value="1"]'), 'Space');
  await key(page.locator('input[name="q5"][value="0"]'), 'Space');
  await key(page.locator('input[name="q6"][value="yes"]'), 'Space');
  await key(page.getByRole('button', { name: send }), 'Enter');
  await page.getByText(thanks).waitFor();
  assert.deepEqual(problems, []);
  await ctx.close();
}

test('answering the survey in Spanish at 360 px with the keyboard', async () => {
  await answer('es', 'es-ES', 'Tardaron mucho en responder', 4, 10, 'Siguiente', 'Enviar mis respuestas',
    'Gracias: sus respuestas quedan registradas.');
});

test('answering the survey in Turkish at 360 px with the keyboard', async () => {
  await answer('tr', 'tr-TR', 'Fiyat çok yüksek', 2, 3, 'İleri', 'Yanıtlarımı gönder',
    'Teşekkürler: yanıtlarınız kaydedildi.');
});

test('a manager reads the results and codes the open answers', async () => {
  const ctx = await tend.context('en-US');
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await page.goto(`/surveys/${survey}`);
  assert.equal(await page.locator('#complete').innerText(), '2');
  assert.equal(await page.locator('#q2 .mean').innerText(), '3.00');
  assert.equal(await page.locator('#q2 .median').innerText(), '3.0');
  assert.equal(await page.locator('#q3 .nps').innerText(), '0.0');
  await page.locator('#q3').getByText('too few answers', { exact: false }).waitFor();
  await page.locator('#code-name').fill('Slow answer');
  await page.getByRole('button', { name: 'Add the code' }).click();
  const spanish = page.locator('.open-answers li').filter({ hasText: 'Tardaron mucho en responder' });
  await spanish.getByLabel('Slow answer').check();
  await spanish.getByRole('button', { name: 'Save the codes' }).click();
  await page.locator('#codes-coded').filter({ hasText: '1' }).waitFor();
  assert.equal(await page.locator('#codes-n').innerText(), '2');
  const row = page.locator('#codes tr').filter({ hasText: 'Slow answer' });
  assert.equal(await row.locator('.count').innerText(), '1');
  await row.getByText('50.0 %').waitFor();
  // The count's link lists exactly the coded answer.
  await row.locator('.count a').click();
  assert.equal(await page.locator('.open-answers li').count(), 1);
  await page.locator('.open-answers').getByText('Tardaron mucho en responder').waitFor();
  await shot(page, 'survey-coded');
  assert.deepEqual(problems, []);
  await ctx.close();
});
