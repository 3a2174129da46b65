import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { ClientScope } from '../../core/client-scope.ts'
import type { ClientSort } from '../../contract/client-sorts.ts'
import type { ClientStatus } from '../../contract/client-statuses.ts'
import type { Segment } from '../../contract/segments.ts'
import type { ClientQuery } from '../../core/parse-client-query.ts'
import type { Schema } from '../schema.ts'

export type ClientFilter = {
  /** The clients the viewer works with (core/client-scope.ts); always applied. */
  scope: ClientScope
  query?: ClientQuery
  branchCode?: string
  segment?: Segment
  status?: ClientStatus
  vip?: boolean
  /** Only the members of this wave, and of this group when given. */
  waveId?: number
  group?: 'target' | 'control'
}

export type ClientPage = { sort: ClientSort; order: 'asc' | 'desc'; limit: number; offset: number }

/** One row of the client list, before masking. */
export type ClientListItem = {
  id: number
  bankId: string
  fullName: string
  birthDate: string | null
  phone: string | null
  email: string | null
  gender: 'M' | 'F' | null
  segment: Segment
  vip: boolean
  status: ClientStatus
  branchCode: string | null
  branchName: string | null
  regionCode: string | null
  clientSince: string | null
  monthlyIncome: number | null
}

// Sorting by a personal field is not offered: the order alone would reveal masked values.
const SORT_COLUMNS = {
  fullName: 'clients.full_name',
  bankId: 'clients.bank_id',
  clientSince: 'clients.client_since',
  monthlyIncome: 'clients.monthly_income',
  segment: 'clients.segment',
  status: 'clients.status',
  branchCode: 'branches.code',
} as const satisfies Record<ClientSort, string>

export async function searchClients(
  db: Kysely<Schema>,
  input: { filter: ClientFilter; page: ClientPage },
): Promise<{ total: number; items: ClientListItem[] }> {
  const { filter, page } = input
  if (filter.query) return pageOfFound(db, filter, page)
  const [total, items] = await Promise.all([countClients(db, filter), pageOfAll(db, filter, page)])
  return { total, items }
}

// Without search text the name-ordered index serves a page directly.
function pageOfAll(db: Kysely<Schema>, filter: ClientFilter, page: ClientPage): Promise<ClientListItem[]> {
  return selectListItems(selectMatchingClients(db, filter))
    .orderBy(SORT_COLUMNS[page.sort], page.order)
    .orderBy('clients.id', page.order)
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

// With search text the matches are found by index first, then counted and sorted in one pass over
// narrow rows (id and sort key); only the page's rows are read whole. Left to itself, the planner
// may instead walk the whole name-ordered index hoping to meet 50 matches early: at a million
// clients that took 15 s for a common first name that sorts late.
async function pageOfFound(db: Kysely<Schema>, filter: ClientFilter, page: ClientPage): Promise<{ total: number; items: ClientListItem[] }> {
  const found = await db
    .with(
      (cte) => cte('found').materialized(),
      () => selectMatchingClients(db, filter).select(['clients.id as id', sql.ref<string>(SORT_COLUMNS[page.sort]).as('sort_key')]),
    )
    .selectFrom('found')
    .select(['id', sql<number>`count(*) over ()`.as('total')])
    .orderBy('sort_key', page.order)
    .orderBy('id', page.order)
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  // A page past the end has no row to carry the count.
  if (found.length === 0) return { total: await countClients(db, filter), items: [] }
  const ids = found.map((row) => row.id)
  const rows = await selectListItems(db.selectFrom('clients').leftJoin('branches', 'branches.id', 'clients.branch_id')).where('clients.id', 'in', ids).execute()
  const byId = new Map(rows.map((row) => [row.id, row]))
  return { total: Number(found[0]!.total), items: ids.flatMap((id) => byId.get(id) ?? []) }
}

export async function countClients(db: Kysely<Schema>, filter: ClientFilter): Promise<number> {
  const row = await selectMatchingClients(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The next batch of matching clients after a client id, in id order: exports read the base in these. */
export async function listClientsAfter(
  db: Kysely<Schema>,
  input: { filter: ClientFilter; afterId: number; size: number },
): Promise<ClientListItem[]> {
  return selectListItems(selectMatchingClients(db, input.filter))
    .where('clients.id', '>', input.afterId)
    .orderBy('clients.id')
    .limit(input.size)
    .execute()
}

/** The clients matching the filter, joined with their branch; callers add the select list. */
export function selectMatchingClients(db: Kysely<Schema>, filter: ClientFilter) {
  let query = db
    .selectFrom('clients')
    .leftJoin('branches', 'branches.id', 'clients.branch_id')
    .where((eb) => inScope(eb, filter.scope))
  if (filter.query) {
    const terms = filter.query
    query = query.where((eb) => matchesQuery(eb, terms))
  }
  if (filter.branchCode !== undefined) query = query.where('branches.code', '=', filter.branchCode)
  if (filter.segment !== undefined) query = query.where('clients.segment', '=', filter.segment)
  if (filter.status !== undefined) query = query.where('clients.status', '=', filter.status)
  if (filter.vip !== undefined) query = query.where('clients.vip', '=', filter.vip)
  if (filter.waveId !== undefined) {
    const { waveId, group } = filter
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('wave_members')
          .select('wave_members.client_id')
          .whereRef('wave_members.client_id', '=', 'clients.id')
          .where('wave_members.wave_id', '=', waveId)
          .$if(group !== undefined, (q) => q.where('wave_members.group', '=', group!)),
      ),
    )
  }
  return query
}

/** Whether one client is in the viewer's scope: the card and notes check it before anything is read. */
export async function isClientInScope(db: Kysely<Schema>, clientId: number, scope: ClientScope): Promise<boolean> {
  const row = await db
    .selectFrom('clients')
    .select('clients.id')
    .where('clients.id', '=', clientId)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst()
  return Boolean(row)
}

/** The viewer's scope as a condition on `clients` (shared by the lists that join the client). */
export function inScope(eb: ExpressionBuilder<Schema, 'clients'>, scope: ClientScope) {
  switch (scope.kind) {
    case 'bank':
      return eb.lit(true)
    case 'none':
      return eb.lit(false)
    case 'branch':
      return eb('clients.branch_id', '=', scope.branchId)
    case 'region':
      return eb(
        'clients.branch_id',
        'in',
        eb
          .selectFrom('branches as scope_branches')
          .select('scope_branches.id')
          .where('scope_branches.region_code', '=', eb.selectFrom('branches as own').select('own.region_code').where('own.id', '=', scope.branchId)),
      )
  }
}

// Each alternative is an index lookup (migration 0005): the bank id key, the phone (whole, or by
// its end), the e-mail, and the name. A name matches when each typed word starts one of its words:
// `(^| )word` on the trigram index, which keeps the padded trigrams of word starts, so even the
// «А» of an initial is looked up rather than checked row by row.
function matchesQuery(eb: ExpressionBuilder<Schema & { branches: Schema['branches'] }, 'clients' | 'branches'>, query: ClientQuery) {
  const alternatives = [eb('clients.bank_id_key', '=', query.bankIdKey)]
  if (query.phone) alternatives.push(eb('clients.phone', '=', query.phone))
  if (query.phoneEnd) alternatives.push(eb('clients.phone', 'like', `%${escapeLike(query.phoneEnd)}`))
  if (query.email) alternatives.push(eb(sql<string>`lower(clients.email)`, '=', query.email))
  if (query.nameWords) alternatives.push(eb.and(nameConditions(query.nameWords)))
  return eb.or(alternatives)
}

/** Up to this many words, each must start a different word of the name (3! orders in one regex). */
const DISTINCT_WORDS_UP_TO = 3

function nameConditions(words: readonly string[]) {
  const each = words.map((word) => sql<boolean>`clients.search_name ~ ${`(^| )${escapeRegex(word)}`}`)
  if (words.length < 2 || words.length > DISTINCT_WORDS_UP_TO) return each
  // «Иванов И.» must not find «Сидоров Пётр Иванович», where one word starts both typed words.
  const orders = permutations(words).map((order) => order.map((word) => `${escapeRegex(word)}[^ ]*`).join(' (.* )?'))
  return [...each, sql<boolean>`clients.search_name ~ ${`(^| )(${orders.join('|')})`}`]
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]))
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`)
}

/** The columns of a client list row; the client card selects these and more. */
export const CLIENT_LIST_COLUMNS = [
  'clients.id',
  'clients.bank_id as bankId',
  'clients.full_name as fullName',
  'clients.birth_date as birthDate',
  'clients.phone',
  'clients.email',
  'clients.gender',
  'clients.segment',
  'clients.vip',
  'clients.status',
  'branches.code as branchCode',
  'branches.name as branchName',
  'clients.region_code as regionCode',
  'clients.client_since as clientSince',
  'clients.monthly_income as monthlyIncome',
] as const

function selectListItems<QB extends SelectQueryBuilder<Schema & { branches: Schema['branches'] }, 'clients' | 'branches', object>>(
  query: QB,
) {
  return query.select(CLIENT_LIST_COLUMNS)
}
