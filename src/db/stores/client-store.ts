import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { ClientScope } from '../../core/client-scope.ts'
import type { ClientQuery } from '../../core/parse-client-query.ts'
import type { Schema } from '../schema.ts'

export type ClientFilter = {
  /** The clients the viewer works with (core/client-scope.ts); always applied. */
  scope: ClientScope
  query?: ClientQuery
  branchCode?: string
  segment?: string
  status?: string
  vip?: boolean
  /** Only the members of this wave, and of this group when given. */
  waveId?: number
  group?: 'target' | 'control'
}

export const CLIENT_SORTS = ['fullName', 'bankId', 'clientSince', 'monthlyIncome', 'segment', 'status', 'branchCode'] as const
export type ClientSort = (typeof CLIENT_SORTS)[number]

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
  segment: string
  vip: boolean
  status: string
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

// The same expressions as the indexes of migration 0003: what follows the first and second word.
const NAME_TAIL_2 = sql<string>`substring(lower(clients.full_name) from '^[^ ]+ +(.*)$')`
const NAME_TAIL_3 = sql<string>`substring(lower(clients.full_name) from '^[^ ]+ +[^ ]+ +(.*)$')`

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

// With search text the matches are found by index first, then counted and sorted in one pass.
// Left to itself, the planner may instead walk the whole name-ordered index hoping to meet 50
// matches early: at a million clients that took 15 s for a common first name that sorts late.
async function pageOfFound(db: Kysely<Schema>, filter: ClientFilter, page: ClientPage): Promise<{ total: number; items: ClientListItem[] }> {
  const rows = await db
    .with(
      (cte) => cte('found').materialized(),
      () => selectListItems(selectMatchingClients(db, filter)),
    )
    .selectFrom('found')
    .selectAll()
    .select(sql<number>`count(*) over ()`.as('total'))
    .orderBy(page.sort, page.order)
    .orderBy('id', page.order)
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  // A page past the end has no row to carry the count.
  const total = rows.length > 0 ? Number(rows[0]!.total) : await countClients(db, filter)
  return { total, items: rows.map(({ total: _total, ...item }) => item) }
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

function inScope(eb: ExpressionBuilder<Schema, 'clients'>, scope: ClientScope) {
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

// Each alternative is an index lookup (bank id, phone, three name prefixes): the planner ORs them.
function matchesQuery(eb: ExpressionBuilder<Schema & { branches: Schema['branches'] }, 'clients' | 'branches'>, query: ClientQuery) {
  const alternatives = [eb('clients.bank_id', '=', query.bankId)]
  if (query.phone) alternatives.push(eb('clients.phone', '=', query.phone))
  if (query.namePrefix) {
    const pattern = `${escapeLike(query.namePrefix)}%`
    alternatives.push(
      eb(sql<string>`lower(clients.full_name)`, 'like', pattern),
      eb(NAME_TAIL_2, 'like', pattern),
      eb(NAME_TAIL_3, 'like', pattern),
    )
  }
  return eb.or(alternatives)
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
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
