import { describe, expect, it } from 'vitest'
import { buildEmailMessage } from './build-email-message.ts'

// The bytes handed to the relay, read back the way a mail program reads them (RFC 5322 unfolding,
// RFC 2047 encoded words, MIME parts in base64): what the client reads must be what was composed.

/** RFC 2047: each encoded word decoded; the white space between two of them is not part of the text (6.2). */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?')
  const bytes = joined.replace(/=\?UTF-8\?B\?([^?]*)\?=/g, (_, b64: string) => Buffer.from(b64, 'base64').toString('binary'))
  return Buffer.from(bytes, 'binary').toString('utf8')
}

function read(raw: Buffer) {
  const text = raw.toString('utf8')
  const [head = '', ...rest] = text.split('\r\n\r\n')
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const at = line.indexOf(':')
    headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim())
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1]
  const body = rest.join('\r\n\r\n')
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`]
  const decoded = parts.map((p) => {
    const [partHead = '', content = ''] = p.replace(/^\r\n/, '').split('\r\n\r\n')
    return { type: /content-type: ([^;]+)/i.exec(partHead)?.[1], text: Buffer.from(content.replace(/\r\n/g, ''), 'base64').toString('utf8') }
  })
  return { headers, parts: decoded, lines: text.split('\r\n') }
}

const base = {
  from: 'Банк «Надёжный» <news@bank.example>',
  to: 'client1@mail.example',
  subject: 'Мария, вклад «Надёжный» под 18,5 % годовых — только до 31.12.2026, успейте открыть в приложении',
  messageId: '<otklik.7.1.42@bank.example>',
  text: 'Уважаемая Мария Петровна!\nОткройте вклад от 50 000 ₽.\n\n--\nОтписаться: https://bank.example/unsubscribe/abc',
  date: new Date('2026-12-03T09:05:00Z'),
}

describe('an e-mail as handed to the relay', () => {
  it('reads back as the composed subject, sender, text and HTML, with our Message-ID and one-click unsubscribe', () => {
    const html = '<p>Уважаемая Мария Петровна!</p><p>Откройте вклад от 50&nbsp;000&nbsp;₽.</p>'
    const raw = buildEmailMessage({ ...base, html, unsubscribeUrl: 'https://bank.example/unsubscribe/MTIz.c2ln-_x' })
    const m = read(raw)
    expect(decodeWords(m.headers.get('subject')!)).toBe(base.subject)
    expect(decodeWords(m.headers.get('from')!)).toBe('Банк «Надёжный» <news@bank.example>')
    expect(m.headers.get('to')).toBe('client1@mail.example')
    expect(m.headers.get('message-id')).toBe('<otklik.7.1.42@bank.example>')
    expect(m.headers.get('date')).toBe('Thu, 03 Dec 2026 09:05:00 +0000')
    expect(m.headers.get('list-unsubscribe')).toBe('<https://bank.example/unsubscribe/MTIz.c2ln-_x>')
    expect(m.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(m.parts).toEqual([
      { type: 'text/plain', text: base.text.replace(/\n/g, '\r\n') },
      { type: 'text/html', text: html },
    ])
    // SMTP limits a line to 998 octets; mail programs expect 78 in headers.
    expect(Math.max(...m.lines.map((l) => l.length))).toBeLessThanOrEqual(78)
  })

  it('sends text alone as a single part, and an ASCII sender name quoted', () => {
    const m = read(buildEmailMessage({ ...base, from: 'Bank, Retail <news@bank.example>' }))
    expect(m.headers.get('from')).toBe('"Bank, Retail" <news@bank.example>')
    expect(m.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(m.headers.has('list-unsubscribe')).toBe(false)
    expect(m.parts).toEqual([{ type: 'text/plain', text: base.text.replace(/\n/g, '\r\n') }])
  })
})
