import { sql } from 'kysely'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import type { OfferTemplate } from '../src/contract/offer-schemas.ts'
import type { TemplateData } from '../src/contract/offer-template-fields.ts'
import { UNSUBSCRIBE_TEXT } from '../src/app/wave/compose-wave-message.ts'
import { signUnsubscribeToken } from '../src/core/execution/unsubscribe-token.ts'
import { formatOfferDate, formatOfferMoney, formatOfferPercent } from '../src/core/offer/format-offer-values.ts'
import { offerTemplateData } from '../src/core/offer/offer-template-data.ts'
import { prepareOfferTemplates } from '../src/core/offer/prepare-offer-templates.ts'
import type { Database } from '../src/db/open-database.ts'
import type { OfferVersion } from '../src/db/stores/offer-store.ts'

// The send benchmark's baseline: the same e-mail for the same target members, rendered by plain
// string replacement (no template engine) into a hand-written MIME message and written one after
// another over ONE SMTP connection (nodemailer's bare SMTP client, no pool, no MIME builder).
// What it leaves out is exactly what the engine adds: the per-batch claim with the policy re-check,
// the write-ahead and the recorded outcomes, LiquidJS and nodemailer's message composer.

export type BaselineInput = { db: Database; waveId: number; offer: OfferVersion; linkSecret: string; smtpUrl: string; publicUrl: string; from: string }

type Member = { clientId: number; fullName: string; gender: 'M' | 'F' | null; segment: string; email: string }

const TOKEN = /\{\{\s*(client|offer)\.(\w+)\s*(?:\|\s*(\w+)\s*)?\}\}/g

/** Sends the wave's e-mail to every target member; returns how many the sink accepted. */
export async function sendBaseline(input: BaselineInput): Promise<number> {
  const template = input.offer.templates.find((t) => t.channel === 'email')!
  const members = await readTargetMembers(input.db, input.waveId)
  const offerValues = offerTokenValues(input.offer)
  checkSameRendering(template, input.offer, members[0]!, offerValues)
  const connection = await connect(input.smtpUrl)
  try {
    for (const m of members) {
      const client = clientValues(m, input.offer)
      const fill = (text: string, html: boolean) => fillTemplate({ text, client, offerValues, html })
      const url = `${input.publicUrl}/unsubscribe/${signUnsubscribeToken({ clientId: m.clientId, channel: 'email', contactId: m.clientId }, input.linkSecret)}`
      const message = mime({
        from: input.from,
        to: m.email,
        messageId: `<bench.${input.waveId}.${m.clientId}@bank.example>`,
        subject: fill(template.subject ?? '', false),
        text: `${fill(template.bodyText ?? '', false)}\n\n--\n${UNSUBSCRIBE_TEXT}\n${url}\n`,
        html: `${fill(template.bodyHtml ?? '', true)}\n<p style="font-size:12px;color:#666">${UNSUBSCRIBE_TEXT} <a href="${url}">${url}</a></p>`,
        unsubscribeUrl: url,
      })
      await new Promise<void>((resolve, reject) => connection.send({ from: 'news@bank.example', to: [m.email] }, message, (error) => (error ? reject(error) : resolve())))
    }
  } finally {
    connection.quit()
  }
  return members.length
}

async function readTargetMembers(db: Database, waveId: number): Promise<Member[]> {
  const rows = await sql<Member>`SELECT c.id AS "clientId", c.full_name AS "fullName", c.gender, c.segment, c.email
    FROM wave_members m JOIN clients c ON c.id = m.client_id
    WHERE m.wave_id = ${waveId} AND m."group" = 'target' AND c.email IS NOT NULL ORDER BY m.client_id`.execute(db.kysely)
  return rows.rows
}

function clientValues(m: Member, offer: OfferVersion): Record<string, unknown> {
  const client = { fullName: m.fullName, gender: m.gender, segment: m.segment, branchName: null, phone: null, email: m.email, address: null, birthDate: null, clientSince: null }
  return offerTemplateData({ client, offer: { ...offer, productName: null }, viewer: null, language: 'ru' }).data.client
}

/** The offer's fields with their filters applied, once for the whole wave. */
function offerTokenValues(offer: OfferVersion): (field: string, filter?: string) => string {
  const cache = new Map<string, string>()
  const fields: Record<string, unknown> = { name: offer.name, code: offer.code, rate: offer.rate, term_months: offer.termMonths, amount: offer.amount, valid_from: offer.validFrom, valid_until: offer.validUntil }
  const format = (value: unknown, filter?: string) =>
    filter === 'percent' ? formatOfferPercent(value, 'ru') : filter === 'money' ? formatOfferMoney(value, 'ru') : filter === 'date' ? formatOfferDate(value) : String(value ?? '')
  return (field, filter) => {
    const key = `${field}|${filter ?? ''}`
    if (!cache.has(key)) cache.set(key, format(fields[field], filter))
    return cache.get(key)!
  }
}

/** A baseline that rendered something else would compare nothing: its first letter must be the engine's, word for word. */
function checkSameRendering(template: OfferTemplate, offer: OfferVersion, member: Member, offerValues: (field: string, filter?: string) => string): void {
  const prepared = prepareOfferTemplates(template, 'email', 'ru')
  if (!prepared.ok) throw new Error(`the bench template does not parse: ${JSON.stringify(prepared.reason)}`)
  const client = clientValues(member, offer)
  const data = { client, offer: { name: offer.name, code: offer.code, rate: offer.rate, term_months: offer.termMonths, amount: offer.amount, valid_from: offer.validFrom, valid_until: offer.validUntil } } as unknown as TemplateData
  const engine = prepared.prepared.render(data)
  if (!engine.ok) throw new Error(`the bench template does not render: ${JSON.stringify(engine.reason)}`)
  const parts = { subject: template.subject, body_text: template.bodyText, body_html: template.bodyHtml }
  for (const part of ['subject', 'body_text', 'body_html'] as const) {
    const plain = fillTemplate({ text: parts[part] ?? '', client, offerValues, html: part === 'body_html' })
    if (plain !== engine.parts[part]) throw new Error(`the baseline renders ${part} differently from the template engine`)
  }
}

type FillInput = { text: string; client: Record<string, unknown>; offerValues: (field: string, filter?: string) => string; html: boolean }

/** Plain string replacement of `{{ client.x }}` and `{{ offer.x | filter }}`, escaped in HTML as the engine does. */
function fillTemplate({ text, client, offerValues, html }: FillInput): string {
  return text.replace(TOKEN, (_, scope: string, field: string, filter?: string) => {
    const value = scope === 'offer' ? offerValues(field, filter) : String(client[field] ?? '')
    return html ? escapeHtml(value) : value
  })
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

type MimeInput = { from: string; to: string; messageId: string; subject: string; text: string; html: string; unsubscribeUrl: string }

function mime(m: MimeInput): string {
  const word = (text: string) => `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`
  const [, name, address] = /^(.*?)\s*<(.+)>$/.exec(m.from) ?? ['', '', m.from]
  const boundary = `--_otklik_${m.messageId.length}_alt`
  const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n')
  return [
    `From: ${word(name!)} <${address}>`, `To: ${m.to}`, `Subject: ${word(m.subject)}`, `Message-ID: ${m.messageId}`, `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0', `List-Unsubscribe: <${m.unsubscribeUrl}>`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    `Content-Type: multipart/alternative; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', crlf(m.text),
    `--${boundary}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', crlf(m.html),
    `--${boundary}--`, '',
  ].join('\r\n')
}

async function connect(smtpUrl: string): Promise<SMTPConnection> {
  const url = new URL(smtpUrl)
  const connection = new SMTPConnection({ host: url.hostname, port: Number(url.port), secure: false, ignoreTLS: true })
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject)
    connection.connect(() => resolve())
  })
  return connection
}
