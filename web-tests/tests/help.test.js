// The help centre's two-step complaint form in a real browser, in Spanish and Turkish at 360 px:
// an admin writes and publishes an article on the staff pages (Spanish first, then its Turkish
// text); a visitor typing words of it (other case, no accents, Turkish capitals) is shown the
// article before sending; one says "this solved it" (nothing is sent), the other sends anyway;
// the staff page then shows the deflection rate 1 ÷ 2 = 50 %. No script runs on any page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, watch, shot, signIn, unlabelled } from './harness.js';

let tend;
let article;
before(async () => {
  tend = await start();
  const ctx = await tend.context('en-US');
  const page = await ctx.newPage();
  const problems = watch(page);
  await signIn(page, tend.admin);
  await page.goto('/help/articles/new');
  await page.locator('#visibility').selectOption('public');
  await page.locator('#source_lang').selectOption('es');
  await page.locator('#title').fill('Cómo pedir un reembolso');
  await page.locator('#body').fill('Guarde el **recibo**: la devolución del dinero tarda cinco días.');
  await page.locator('#status').selectOption('published');
  await page.locator('#settings button[type=submit]').click();
  await page.waitForURL(/\/help\/articles\/\d+$/);
  article = /\/help\/articles\/(\d+)$/.exec(page.url())[1];
  await page.locator('#title-tr').fill('İade nasıl yapılır');
  await page.locator('#body-tr').fill('Fişinizi saklayın: paranızın İADESİ beş gün sürer.');
  await page.locator('#status-tr').selectOption('published');
  await page.locator('#text-tr button[type=submit]').click();
  await page.waitForURL(/\/help\/articles\/\d+/);
  assert.deepEqual(problems, []);
  await ctx.close();
});
after(async () => { await tend?.stop(); });

const VISITORS = [
  { locale: 'es-ES', lang: 'es', title: 'Cuéntenos qué pasó', article: 'Cómo pedir un reembolso',
    typed: 'Quiero un REEMBOLSO y la devolucion no llega', solved: 'Esto lo resolvió',
    solvedTitle: 'Nos alegra que le haya ayudado', send: 'No me ayudó, enviar mi reclamación', thanks: 'Gracias' },
  { locale: 'tr-TR', lang: 'tr', title: 'Bize ne olduğunu anlatın', article: 'İade nasıl yapılır',
    typed: 'IADE istiyorum, paranızın iadesi gelmedi', solved: 'Sorunumu çözdü',
    solvedTitle: 'Yardımcı olabildiğimize sevindik', send: 'İşe yaramadı, şikâyetimi gönder', thanks: 'Teşekkürler' },
];

for (const [i, v] of VISITORS.entries()) {
  const solves = i === 0;
  test(`the two-step form in ${v.lang}: the article is shown, then ${solves ? 'it solved it' : 'sent anyway'}`, async () => {
    const ctx = await tend.context(v.locale, { width: 360, height: 800 });
    const page = await ctx.newPage();
    const problems = watch(page);
    await page.goto('/complain');
    assert.equal(await page.locator('html').getAttribute('lang'), v.lang);
    await page.getByRole('heading', { name: v.title }).waitFor();
    await page.locator('#name').fill(`Cliente ${v.lang}`);
    await page.locator('#email').fill(`help.${v.lang}@example.com`);
    await page.locator('#description').fill(v.typed);
    await page.locator('#continue').click();
    await page.locator('#suggestions').waitFor();
    await page.getByRole('link', { name: v.article }).waitFor();
    assert.equal(await page.locator('#description').inputValue(), v.typed, 'what was typed is kept');
    assert.deepEqual(await unlabelled(page), []);
    assert.equal(await page.locator('script').count(), 0, 'no script in the page');
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= 360, `no horizontal scroll at 360 px (${scroll})`);
    await shot(page, `help-suggestions-${v.lang}-mobile`);
    if (solves) {
      await page.getByRole('button', { name: v.solved }).click();
      await page.getByRole('heading', { name: v.solvedTitle }).waitFor();
    } else {
      await page.getByRole('button', { name: v.send }).click();
      await page.getByRole('heading', { name: v.thanks }).waitFor();
      assert.match(await page.locator('#reference').innerText(), /^C-\d{4}-\d+$/);
    }
    await shot(page, `help-after-${v.lang}-mobile`);
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('the staff page shows the deflection rate: 1 deflected ÷ (1 + 1 sent) = 50 %', async () => {
  const ctx = await tend.context('en-US');
  const page = await ctx.newPage();
  await signIn(page, tend.admin);
  await page.goto('/help/articles');
  assert.equal(await page.locator('#deflected').innerText(), '1');
  assert.equal(await page.locator('#deflection-sent').innerText(), '1');
  assert.equal(await page.locator('#deflection-n').innerText(), '2');
  assert.match(await page.locator('#deflection-rate strong').innerText(), /^50(\.0)? %$/);
  assert.ok(article);
  await ctx.close();
});
