import type { Kysely } from 'kysely'
import type { CallObjection, OfferChannel, OfferContent, OfferStatus, OfferTemplate } from '../../contract/offer-schemas.ts'
import type { Schema } from '../schema.ts'

// Offers, one row per version (migration 0020): a change appends a version with its templates, an
// approval is written onto the version it approves. Nothing here rewrites a version's content.

export type OfferPerson = { id: number | null; login: string; fullName: string | null }

export type OfferVersion = Required<OfferContent> & {
  id: number
  code: string
  version: number
  status: OfferStatus
  productName: string | null
  createdBy: OfferPerson
  createdAt: string
  approvedBy: OfferPerson | null
  approvedAt: string | null
  retiredBy: OfferPerson | null
  retiredAt: string | null
}

export type OfferAuthor = { id: number | null; login: string }

const VERSION_COLUMNS = [
  'o.id', 'o.code', 'o.version', 'o.status', 'o.name', 'o.product_code', 'o.terms', 'o.rate', 'o.term_months', 'o.amount',
  'o.valid_from', 'o.valid_until', 'o.link_url', 'o.created_by', 'o.created_by_login', 'o.created_at', 'o.approved_by', 'o.approved_by_login',
  'o.approved_at', 'o.retired_by', 'o.retired_by_login', 'o.retired_at', 'p.name as product_name', 'author.full_name as author_name',
  'approver.full_name as approver_name', 'retirer.full_name as retirer_name',
] as const

function selectVersions(db: Kysely<Schema>) {
  return db
    .selectFrom('offers as o')
    .leftJoin('products as p', 'p.code', 'o.product_code')
    .leftJoin('users as author', 'author.id', 'o.created_by')
    .leftJoin('users as approver', 'approver.id', 'o.approved_by')
    .leftJoin('users as retirer', 'retirer.id', 'o.retired_by')
    .select(VERSION_COLUMNS)
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof selectVersions>['executeTakeFirstOrThrow']>>

function toVersion(row: VersionRow, templates: OfferTemplate[]): OfferVersion {
  const num = (value: number | string | null) => (value === null ? null : Number(value))
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    status: row.status,
    name: row.name,
    product: row.product_code,
    productName: row.product_name,
    terms: row.terms,
    rate: num(row.rate),
    termMonths: row.term_months,
    amount: num(row.amount),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    link: row.link_url,
    templates,
    createdBy: { id: row.created_by, login: row.created_by_login, fullName: row.author_name },
    createdAt: new Date(row.created_at).toISOString(),
    approvedBy: row.approved_by_login === null ? null : { id: row.approved_by, login: row.approved_by_login, fullName: row.approver_name },
    approvedAt: row.approved_at === null ? null : new Date(row.approved_at).toISOString(),
    retiredBy: row.retired_by_login === null ? null : { id: row.retired_by, login: row.retired_by_login, fullName: row.retirer_name },
    retiredAt: row.retired_at === null ? null : new Date(row.retired_at).toISOString(),
  }
}

async function templatesOf(db: Kysely<Schema>, offerIds: number[]): Promise<Map<number, OfferTemplate[]>> {
  const byOffer = new Map<number, OfferTemplate[]>()
  if (offerIds.length === 0) return byOffer
  const rows = await db.selectFrom('offer_templates').selectAll().where('offer_id', 'in', offerIds).orderBy('offer_id').execute()
  const order: OfferChannel[] = ['email', 'sms', 'letter', 'call']
  rows.sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel))
  for (const row of rows) {
    const list = byOffer.get(row.offer_id) ?? []
    list.push({ channel: row.channel, subject: row.subject, bodyHtml: row.body_html, bodyText: row.body_text, script: row.script, objections: row.objections as CallObjection[] })
    byOffer.set(row.offer_id, list)
  }
  return byOffer
}

/** The newest version of an offer; `lock` holds it (FOR UPDATE) until the transaction ends. */
export async function findLatestOffer(db: Kysely<Schema>, code: string, options: { lock?: boolean } = {}): Promise<OfferVersion | undefined> {
  if (options.lock) await db.selectFrom('offers').select('id').where('code', '=', code).orderBy('version', 'desc').limit(1).forUpdate().execute()
  const row = await selectVersions(db).where('o.code', '=', code).orderBy('o.version', 'desc').limit(1).executeTakeFirst()
  if (!row) return undefined
  return toVersion(row, (await templatesOf(db, [row.id])).get(row.id) ?? [])
}

/** One version by its id: the version a wave froze when it began sending. */
export async function findOfferVersion(db: Kysely<Schema>, id: number): Promise<OfferVersion | undefined> {
  const row = await selectVersions(db).where('o.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toVersion(row, (await templatesOf(db, [row.id])).get(row.id) ?? [])
}

/** The newest version of every offer, by code. */
export async function listLatestOffers(db: Kysely<Schema>): Promise<OfferVersion[]> {
  const rows = await selectVersions(db)
    .where(({ eb, selectFrom }) => eb('o.version', '=', selectFrom('offers as newer').select(({ fn }) => fn.max('newer.version').as('v')).whereRef('newer.code', '=', 'o.code')))
    .orderBy('o.code')
    .execute()
  const templates = await templatesOf(db, rows.map((r) => r.id))
  return rows.map((row) => toVersion(row, templates.get(row.id) ?? []))
}

/** A program's offer: the newest version of the offer it names, and whether waves may use it. */
export type ProgramOffer = OfferVersion & {
  /** The newest version is approved (not a draft an edit left, not retired): the one a wave may send. */
  approved: boolean
}

/**
 * The offer a program names (programs.offer_code, migration 0021) at its newest version, with its
 * templates; null when the program names none (or there is no such program). Only an approved
 * newest version may be sent: an edit after approval leaves a draft, and `approved` is false.
 */
export async function findProgramOffer(db: Kysely<Schema>, programId: number): Promise<ProgramOffer | null> {
  const program = await db.selectFrom('programs').select('offer_code').where('id', '=', programId).executeTakeFirst()
  if (!program?.offer_code) return null
  const latest = await findLatestOffer(db, program.offer_code)
  if (!latest) return null
  return { ...latest, approved: latest.status === 'approved' }
}

export async function offerCodeExists(db: Kysely<Schema>, code: string): Promise<boolean> {
  return (await db.selectFrom('offers').select('id').where('code', '=', code).limit(1).executeTakeFirst()) !== undefined
}

export type InsertOfferVersionInput = { code: string; version: number; content: OfferContent; author: OfferAuthor }

/**
 * Appends a version (a draft) with its templates; returns its id, or undefined when that version
 * of the code exists already — another user's create or edit committed first (two at once).
 */
export async function insertOfferVersion(db: Kysely<Schema>, input: InsertOfferVersionInput): Promise<number | undefined> {
  const { content } = input
  const inserted = await db
    .insertInto('offers')
    .values({
      code: input.code,
      version: input.version,
      name: content.name,
      product_code: content.product ?? null,
      terms: content.terms ?? null,
      rate: content.rate ?? null,
      term_months: content.termMonths ?? null,
      amount: content.amount ?? null,
      valid_from: content.validFrom ?? null,
      valid_until: content.validUntil ?? null,
      link_url: content.link ?? null,
      created_by: input.author.id,
      created_by_login: input.author.login,
    })
    .onConflict((oc) => oc.columns(['code', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!inserted) return undefined
  const { id } = inserted
  const templates = content.templates ?? []
  if (templates.length > 0) {
    await db
      .insertInto('offer_templates')
      .values(
        templates.map((t) => ({
          offer_id: id,
          channel: t.channel,
          subject: t.subject ?? null,
          body_html: t.bodyHtml ?? null,
          body_text: t.bodyText ?? null,
          script: t.script ?? null,
          objections: JSON.stringify(t.objections ?? []),
        })),
      )
      .execute()
  }
  return id
}

/** Writes the approval onto one version. */
export async function approveOfferVersion(db: Kysely<Schema>, input: { id: number; approver: OfferAuthor; at: Date }): Promise<void> {
  await db
    .updateTable('offers')
    .set({ status: 'approved', approved_by: input.approver.id, approved_by_login: input.approver.login, approved_at: input.at })
    .where('id', '=', input.id)
    .execute()
}

/** Writes the retirement onto the newest version: who and when; its approval, if any, stays on record. */
export async function retireOfferVersion(db: Kysely<Schema>, input: { id: number; actor: OfferAuthor; at: Date }): Promise<void> {
  await db
    .updateTable('offers')
    .set({ status: 'retired', retired_by: input.actor.id, retired_by_login: input.actor.login, retired_at: input.at })
    .where('id', '=', input.id)
    .execute()
}

export async function productExists(db: Kysely<Schema>, code: string): Promise<boolean> {
  return (await db.selectFrom('products').select('code').where('code', '=', code).executeTakeFirst()) !== undefined
}
