// The browser tests' harness: a fresh database (SQLite file, or a new PostgreSQL database when
// TEND_TEST_DATABASE_URL names a server), the real `tend` binary serving it on a free port,
// an admin made with `tend user add`, and headless Chromium (Debian's, via playwright-core).

import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = join(here, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

const TEND = process.env.TEND_BIN || join(here, '..', '..', 'target', 'debug', 'tend');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ENGINE = (process.env.TEND_TEST_DATABASE_URL || '').startsWith('postgres') ? 'postgres' : 'sqlite';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function database() {
  const server = process.env.TEND_TEST_DATABASE_URL;
  if (ENGINE === 'postgres') {
    const name = `tend_b_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    execFileSync('psql', [server, '-qc', `CREATE DATABASE ${name}`]);
    const base = server.slice(0, server.lastIndexOf('/'));
    return {
      url: `${base}/${name}`,
      drop: () => execFileSync('psql', [server, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'tend-browser-'));
  return { url: `sqlite://${join(dir, 'tend.db')}`, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts Tend and Chromium; `stop()` ends both and drops the database. With
 *  `{ fresh: true }` no admin is made first (the first run in the browser); `output()` is what
 *  the server printed on its standard output (where the one-time setup link goes). With
 *  `{ smtpPort }`, Tend sends its mail to that SMTP server (as `Tend <ayuda@tend.test>`) and
 *  takes mail in over LMTP on a free port: `lmtp` is its `host:port`. */
export async function start({ fresh = false, smtpPort = null } = {}) {
  const db = database();
  const tend = (...args) => execFileSync(TEND, ['--database', db.url, ...args], { encoding: 'utf8' });
  const admin = { email: 'ada@example.com', name: 'Ada Admin' };
  if (!fresh) {
    const added = tend('user', 'add', '--email', admin.email, '--name', admin.name, '--role', 'admin');
    admin.password = /one-time password: (\S+)/.exec(added)[1];
  }

  const port = await freePort();
  const args = ['--database', db.url, 'serve', '--listen', `127.0.0.1:${port}`];
  const files = mkdtempSync(join(tmpdir(), 'tend-files-'));
  if (smtpPort) {
    args.push('--smtp-url', `smtp://127.0.0.1:${smtpPort}`, '--mail-from', 'Tend <ayuda@tend.test>',
      '--public-url', `http://127.0.0.1:${port}`, '--lmtp-listen', '127.0.0.1:0');
  }
  const server = spawn(TEND, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TEND_LOG: 'warn', TEND_ATTACHMENTS_DIR: files },
  });
  let log = '';
  let out = '';
  server.stderr.on('data', (d) => { log += d; });
  server.stdout.on('data', (d) => { out += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tend did not start:\n${log}`)), 30000);
    server.stdout.on('data', () => {
      // Started once the address is printed and, on a first run, the setup link after it;
      // with mail, once the LMTP listener is up.
      const ready = out.includes('Tend is running') && (!fresh || out.includes('/setup?token='))
        && (!smtpPort || /Mail in: LMTP on \S+/.test(out));
      if (ready) { clearTimeout(timer); resolve(); }
    });
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error(`tend exited (${code}):\n${log}`)); });
  });
  server.removeAllListeners('exit');

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    admin,
    tend,
    lmtp: /Mail in: LMTP on (\S+)/.exec(out)?.[1],
    output: () => out,
    /** A new browser context (its own cookies) with `locale` as its Accept-Language;
     *  `extra`: more context options (e.g. `bypassCSP` for an accessibility check only). */
    async context(locale = 'en-US', viewport = { width: 1280, height: 900 }, extra = {}) {
      const ctx = await browser.newContext({ baseURL: base, locale, viewport, ...extra });
      ctx.setDefaultTimeout(15000);
      return ctx;
    },
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      db.drop();
      rmSync(files, { recursive: true, force: true });
    },
  };
}

/** Collects any JavaScript dialog (alert/confirm/prompt), page error, refused resource (a
 *  Content-Security-Policy violation by our own pages) or missing one; a test asserts there
 *  were none. Pages answering 4xx on purpose (a refused form) are not problems. */
export function watch(page) {
  const problems = [];
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('requestfinished', async (r) => {
    // The context may close while a finished request's response is being read: nothing to check.
    const res = await r.response().catch(() => null);
    if (r.resourceType() !== 'document' && res && res.status() >= 400) problems.push(`${res.status()}: ${r.url()}`);
  });
  return problems;
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${ENGINE}-${name}.png`), fullPage: true });
}

/** Signs `who` in through the sign-in page. */
export async function signIn(page, who) {
  await page.goto('/inbox');
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('form[action="/sign-in"] button[type=submit]').click();
  await page.waitForURL('**/inbox');
}

/** Every visible form control has a label a screen reader reads (a <label for>, a wrapping
 *  <label>, or aria-label); returns the ones that do not. */
export async function unlabelled(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !el.closest('[aria-hidden="true"]'))
    .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
    .map((el) => el.outerHTML));
}
