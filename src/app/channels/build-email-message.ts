import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs'

// One e-mail as the bytes handed to the relay: headers (non-ASCII as RFC 2047 encoded words, folded
// at 76), then the text and, when there is one, the HTML as multipart/alternative, each part UTF-8
// in base64 (Russian text in quoted-printable triples every letter). Built by hand rather than by
// nodemailer's composer, whose streams, random boundaries and per-line writes were, at thousands of
// messages a second, more work than everything else a send does. The boundary needs no randomness:
// no line of a part (its Content- headers, base64) can begin with `--`, so none can be taken for it.

export type EmailMessageInput = {
  /** `Банк <news@bank.example>` or a bare address. */
  from: string
  to: string
  subject: string
  messageId: string
  text: string
  html?: string
  /** Adds List-Unsubscribe with one-click (RFC 2369, RFC 8058). */
  unsubscribeUrl?: string
  date: Date
}

const BOUNDARY = '_otklik_alternative_'

export function buildEmailMessage(m: EmailMessageInput): Buffer {
  const headers = [
    header('From', mailbox(m.from)),
    header('To', m.to),
    header('Subject', encodeWords(m.subject, 'B', 52)),
    header('Message-ID', m.messageId),
    header('Date', m.date.toUTCString().replace(/GMT$/, '+0000')),
    'MIME-Version: 1.0',
    ...(m.unsubscribeUrl ? [header('List-Unsubscribe', `<${m.unsubscribeUrl}>`), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] : []),
  ]
  const body = m.html === undefined
    ? part('text/plain', m.text)
    : `Content-Type: multipart/alternative; boundary="${BOUNDARY}"\r\n\r\n` +
      `--${BOUNDARY}\r\n${part('text/plain', m.text)}--${BOUNDARY}\r\n${part('text/html', m.html)}--${BOUNDARY}--\r\n`
  return Buffer.from(`${headers.join('\r\n')}\r\n${body}`)
}

function header(name: string, value: string): string {
  return foldLines(`${name}: ${value}`, 76)
}

/** `Банк <news@bank.example>` with the name as an encoded word; a bare address as it is. */
function mailbox(from: string): string {
  const named = /^\s*"?(.*?)"?\s*<([^>]+)>\s*$/.exec(from)
  if (!named || !named[1]) return named?.[2] ?? from.trim()
  const name = /^[\x20-\x7e]*$/.test(named[1]) ? `"${named[1].replace(/["\\]/g, '\\$&')}"` : encodeWords(named[1], 'B', 52, true)
  return `${name} <${named[2]}>`
}

function part(type: string, content: string): string {
  const base64 = Buffer.from(content.replace(/\r?\n/g, '\r\n')).toString('base64')
  const lines: string[] = []
  for (let at = 0; at < base64.length; at += 76) lines.push(base64.slice(at, at + 76))
  return `Content-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${lines.join('\r\n')}\r\n`
}
