// Mail for the browser tests, in the test process and over real TCP: an SMTP server that keeps
// what Tend sends (the customer's mailbox), an LMTP client that hands a customer's answer to
// Tend's listener as a mail server would, and just enough MIME to read a message back
// (headers unfolded, RFC 2047 words, multipart, base64 and quoted-printable, UTF-8).

import { createServer, connect } from 'node:net';

/** The bytes of `s` (a string of byte values) as UTF-8 text. */
const utf8 = (s) => Buffer.from(s, 'latin1').toString('utf8');

function quotedPrintable(s) {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  return utf8(bytes);
}

/** RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?utf-8?Q?…?=`) decoded; the space between two
 *  adjacent ones dropped. */
export function words(value) {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, enc, text) => (enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : quotedPrintable(text.replace(/_/g, ' '))));
}

/** A message (a string of byte values) read: `header(name)` (the first, unfolded, decoded),
 *  `text` (its text/plain part as text), and `raw`. */
export function parse(raw) {
  const split = (part) => {
    const at = part.search(/\r?\n\r?\n/);
    const head = at < 0 ? part : part.slice(0, at);
    const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
    const headers = {};
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const i = line.indexOf(':');
      if (i > 0) (headers[line.slice(0, i).trim().toLowerCase()] ??= []).push(line.slice(i + 1).trim());
    }
    return { headers, body };
  };
  const textOf = ({ headers, body }) => {
    const type = (headers['content-type']?.[0] || 'text/plain').toLowerCase();
    if (type.startsWith('multipart/')) {
      const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'][0])[1];
      for (const piece of body.split(`--${boundary}`).slice(1)) {
        if (piece.startsWith('--')) break;
        const found = textOf(split(piece.replace(/^\r?\n/, '')));
        if (found !== null) return found;
      }
      return null;
    }
    if (!type.startsWith('text/plain')) return null;
    const encoding = (headers['content-transfer-encoding']?.[0] || '7bit').toLowerCase();
    if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (encoding === 'quoted-printable') return quotedPrintable(body);
    return utf8(body);
  };
  const top = split(raw);
  return {
    raw,
    header: (name) => {
      const v = top.headers[name.toLowerCase()]?.[0];
      return v === undefined ? undefined : words(utf8(v));
    },
    text: textOf(top),
  };
}

/** An SMTP server on a free port of 127.0.0.1 that accepts every message: `port`,
 *  `messages` (each `{ from, to, ...parse(data) }`), `waitFor(match)` (polls until a message
 *  satisfies `match`, or fails after `ms`), `close()`. */
export async function smtpServer() {
  const messages = [];
  const server = createServer((socket) => {
    socket.setEncoding('latin1');
    let buffer = '';
    let envelope = { from: '', to: [] };
    let data = null;
    const say = (line) => socket.write(`${line}\r\n`);
    say('220 customer-mail.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (data !== null) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const body = (buffer.slice(0, end + 2)).replace(/^\.\./gm, '.');
          buffer = buffer.slice(end + 5);
          messages.push({ ...envelope, ...parse(body) });
          envelope = { from: '', to: [] };
          data = null;
          say('250 2.0.0 kept');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { say('250-customer-mail.test'); say('250-8BITMIME'); say('250 SMTPUTF8'); }
        else if (verb === 'HELO' || verb === 'NOOP' || verb === 'RSET') { envelope = verb === 'RSET' ? { from: '', to: [] } : envelope; say('250 OK'); }
        else if (verb === 'MAIL') { envelope.from = /<([^>]*)>/.exec(line)?.[1] ?? ''; say('250 OK'); }
        else if (verb === 'RCPT') { envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? ''); say('250 OK'); }
        else if (verb === 'DATA') { data = ''; say('354 go on'); }
        else if (verb === 'QUIT') { say('221 bye'); socket.end(); return; }
        else say('502 not here');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    messages,
    async waitFor(match, ms = 120000) {
      const until = Date.now() + ms;
      for (;;) {
        const found = messages.find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no such message in ${ms} ms; received: ${messages.map((m) => m.header('subject')).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Hands `message` (text, CRLF lines) from `from` to `to` to the LMTP server at `address`
 *  (`host:port`), as a mail server would; returns the replies, one per command, the last the
 *  one for the recipient after the data. */
export function lmtpDeliver(address, from, to, message) {
  const [host, port] = [address.slice(0, address.lastIndexOf(':')), Number(address.slice(address.lastIndexOf(':') + 1))];
  const dotted = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
  const steps = ['', 'LHLO customer-mail.test', `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA', `${dotted}\r\n.`, 'QUIT'];
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setEncoding('utf8');
    socket.setTimeout(180000, () => socket.destroy(new Error('LMTP: no answer in 180 s')));
    const replies = [];
    let buffer = '';
    let step = 0;
    socket.on('data', (chunk) => {
      buffer += chunk;
      // A reply is complete at a line "NNN text" (not "NNN-text").
      let m;
      while ((m = /^(\d{3}) .*\r\n/m.exec(buffer))) {
        const end = m.index + m[0].length;
        replies.push(buffer.slice(0, end).trimEnd());
        buffer = buffer.slice(end);
        step += 1;
        if (step < steps.length) socket.write(`${steps[step]}\r\n`);
        else socket.end();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(replies));
  });
}
