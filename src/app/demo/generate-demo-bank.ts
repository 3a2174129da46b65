import { bankToday } from '../bank/bank-today.ts'
import argon2 from 'argon2'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { DEMO_BRANCHES } from '../../core/demo/demo-branches.ts'
import { DEMO_PRODUCTS } from '../../core/demo/demo-products.ts'
import { DEMO_REGIONS } from '../../core/demo/demo-regions.ts'
import { DEMO_PASSWORD, demoUsers } from '../../core/demo/demo-users.ts'
import { createDemoWorld } from '../../core/demo/demo-world.ts'
import type { Database } from '../../db/open-database.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import {
  analyzeClientBase, countClients, createIndexes, deleteClientBase, dropIndexes, findPlainIndexes, deleteUsers, findBranchIds, findUserIds, insertBranches,
  insertProducts, insertRegions, insertUsers, reserveClientIds,
} from '../../db/stores/demo-bank-store.ts'
import { refreshProfile } from '../selection/refresh-profile.ts'
import { loadDemoChurn } from './load-demo-churn.ts'
import { copyDemoClients } from './copy-demo-clients.ts'
import { loadDemoComplaints } from './load-demo-complaints.ts'
import { loadDemoOffers } from './load-demo-offers.ts'
import { loadDemoPrograms } from './load-demo-programs.ts'
import { loadDemoBranchRequests } from './load-demo-branch-requests.ts'
import { loadDemoCalls } from './load-demo-calls.ts'

export type GenerateDemoBankInput = {
  clients: number
  seed: number
  /** "Today" of the demo bank: activity runs for the 12+ months before it. */
  now: Date
  onProgress?: (done: number, total: number) => void
  /** Build the churned clients and train the churn model (default); a test that needs neither saves the two passes over the base. */
  churn?: boolean
}

export type DemoBankCounts = {
  regions: number
  branches: number
  users: number
  products: number
  clients: number
  holdings: number
  activity: number
  consents: number
  notes: number
}

export const MAX_DEMO_CLIENTS = 10_000_000

/**
 * Loads a synthetic retail bank into a database whose client base is empty: regions, branches,
 * products, demo users (login = role, password 'demo', plus personal managers), and `clients`
 * clients with holdings, activity, consents and notes. The same seed and `now` give the same rows.
 * On the embedded database the load is one transaction; on a server a failed load is undone.
 * The selection profile is rebuilt at the end.
 */
export async function generateDemoBank(db: Database, input: GenerateDemoBankInput): Promise<DemoBankCounts> {
  if (!Number.isSafeInteger(input.clients) || input.clients < 1 || input.clients > MAX_DEMO_CLIENTS) {
    throw new DomainError('invalid_input', `clients must be a whole number from 1 to ${MAX_DEMO_CLIENTS}`, reason('demo.bad_client_count', { max: MAX_DEMO_CLIENTS }))
  }
  if (!Number.isSafeInteger(input.seed) || input.seed < 0) throw new DomainError('invalid_input', 'seed must be a whole number, 0 or more', reason('demo.bad_seed'))
  const existing = await countClients(db.kysely)
  if (existing > 0) {
    throw new DomainError('conflict', `The database already has ${existing} clients: the demo bank loads only into an empty client base ` +
      '(use a new OTKLIK_DATA_DIR or database)', reason('demo.not_empty', { count: existing }))
  }
  // One hash for every demo user: argon2 takes a good part of a second per hash by design.
  const passwordHash = await argon2.hash(DEMO_PASSWORD)
  const counts = db.kind === 'pglite' ? await loadInOneTransaction(db, input, passwordHash) : await loadOrUndo(db, input, passwordHash)
  await analyzeClientBase(db)
  // Selections count on the profile: the demo bank is ready only once it is built.
  const today = await bankToday(db.kysely, input.now)
  // Complaints before the profile: it counts open and recent ones for the contact policy.
  await loadDemoComplaints(db.kysely, { today, seed: input.seed })
  if (input.churn !== false) await loadDemoChurn(db.kysely, { today, now: input.now })
  await refreshProfile(db, today)
  await loadDemoOffers(db.kysely, today)
  await loadDemoPrograms(db, today, input.seed)
  await loadDemoBranchRequests(db.kysely, { today, seed: input.seed, clients: input.clients })
  await loadDemoCalls(db.kysely, { today, seed: input.seed })
  return counts
}

const INDEXED_WHILE_LOADING = ['clients', 'holdings', 'activity', 'consents', 'notes']

async function loadInOneTransaction(db: Database, input: GenerateDemoBankInput, passwordHash: string): Promise<DemoBankCounts> {
  // PGlite has one connection: BEGIN through the pool makes every later query and COPY part of the
  // transaction. Foreign keys are not checked row by row during the load (replica role); the
  // generator builds every reference from rows it has just inserted, and the row-by-row checks
  // took two thirds of the load time.
  await db.pool.query('BEGIN')
  try {
    await db.pool.query('SET LOCAL session_replication_role = replica')
    // Indexes are built once after the load, much faster than row by row; inside the transaction,
    // a failed load gets them back with the rollback.
    const indexes = await findPlainIndexes(db.kysely, INDEXED_WHILE_LOADING)
    await dropIndexes(db.kysely, indexes)
    const counts = await load(db, input, passwordHash)
    await createIndexes(db.kysely, indexes)
    await db.pool.query('COMMIT')
    return counts
  } catch (error) {
    await db.pool.query('ROLLBACK')
    throw error
  }
}

// A server load goes through several connections (COPY takes one of the pool's), so it cannot be
// one transaction: a failed load deletes what it inserted instead.
async function loadOrUndo(db: Database, input: GenerateDemoBankInput, passwordHash: string): Promise<DemoBankCounts> {
  const inserted: string[] = []
  try {
    return await load(db, input, passwordHash, inserted)
  } catch (error) {
    try {
      await deleteClientBase(db.kysely)
      await deleteUsers(db.kysely, inserted)
    } catch (undoError) {
      throw new Error(`${(error as Error).message} (undoing the partial load failed too: ${(undoError as Error).message})`, { cause: error })
    }
    throw error
  }
}

async function load(db: Database, input: GenerateDemoBankInput, passwordHash: string, insertedLogins: string[] = []): Promise<DemoBankCounts> {
  const k = db.kysely
  const regions = await insertRegions(k, DEMO_REGIONS)
  const branches = await insertBranches(k, DEMO_BRANCHES)
  const products = await insertProducts(k, DEMO_PRODUCTS)
  const branchIds = await findBranchIds(k, DEMO_BRANCHES.map((b) => b.code))
  const users = demoUsers(input.clients)
  const logins = await insertUsers(k, users.map((u) => ({
    login: u.login,
    fullName: u.fullName,
    role: u.role,
    branchId: u.branchCode === null ? null : branchIds[u.branchCode],
    passwordHash,
    createdAt: input.now,
  })))
  insertedLogins.push(...logins)
  const userIds = await findUserIds(k, users.map((u) => u.login))
  const world = createDemoWorld({
    seed: input.seed,
    now: input.now,
    firstClientId: await reserveClientIds(k, input.clients),
    branchIds,
    personalManagers: users.flatMap((u) => (u.personalManagerOf === null ? [] : [{ id: userIds[u.login], regionCode: u.personalManagerOf }])),
    noteAuthorId: userIds.branch ?? null,
  })
  const rows = await copyDemoClients(db, { world, clients: input.clients, loadedAt: input.now, onProgress: input.onProgress })
  const counts = { regions, branches, users: logins.length, products, ...rows }
  await appendAuditEvent(k, { userId: null, login: null, action: 'demo.load', details: { seed: input.seed, ...counts } })
  return counts
}
