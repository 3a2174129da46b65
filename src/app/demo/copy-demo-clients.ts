import { setImmediate as nextTurn } from 'node:timers/promises'
import { generateDemoClient, type DemoClient } from '../../core/demo/generate-demo-client.ts'
import type { DemoWorld } from '../../core/demo/demo-world.ts'
import type { Database } from '../../db/open-database.ts'
import { DEMO_COLUMNS, DEMO_TABLES, demoCopyChunk, type DemoCopyChunk, type DemoTable } from './demo-copy-chunk.ts'

// Clients generated and copied per round: about 20,000 rows (about a megabyte of CSV), so a bank
// of millions never sits in memory at once. Small enough for the rows to die young: 5,000 clients a
// round spent a third more time collecting garbage.
const CHUNK_CLIENTS = 1_000

export type CopyDemoClientsInput = {
  world: DemoWorld
  clients: number
  loadedAt: Date
  onProgress?: (done: number, total: number) => void
}

/**
 * Generates the demo clients chunk by chunk and copies each chunk in; returns the rows per table.
 * A chunk's clients are copied first (the other tables refer to them); its other tables are then
 * copied side by side while the next chunk is generated — on a server, on connections of their own.
 */
export async function copyDemoClients(db: Database, input: CopyDemoClientsInput): Promise<Record<DemoTable, number>> {
  const counts: Record<DemoTable, number> = { clients: 0, holdings: 0, activity: 0, consents: 0, notes: 0 }
  const loadedAt = input.loadedAt.toISOString()
  let previous: Promise<unknown> = Promise.resolve()
  input.onProgress?.(0, input.clients)
  try {
    for (let start = 0; start < input.clients; start += CHUNK_CLIENTS) {
      const end = Math.min(input.clients, start + CHUNK_CLIENTS)
      const batch: DemoClient[] = []
      for (let index = start; index < end; index++) batch.push(generateDemoClient(input.world, index))
      const chunk = demoCopyChunk(batch, loadedAt)
      await previous
      await copyTable(db, chunk, 'clients', counts)
      previous = allSettledOrThrow(DEMO_TABLES.filter((t) => t !== 'clients').map((table) => copyTable(db, chunk, table, counts)))
        .then(() => input.onProgress?.(end, input.clients))
      // Awaited in the next round; until then a failure must not count as unhandled.
      previous.catch(() => undefined)
      // PGlite answers within the same turn of the event loop: let timers (a progress bar) and
      // signals in between chunks.
      await nextTurn()
    }
    await previous
  } catch (error) {
    // No copy may still be running when the caller undoes the load.
    await previous.catch(() => undefined)
    throw error
  }
  return counts
}

/** Waits for every copy, then fails with the first failure. */
async function allSettledOrThrow(copies: readonly Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(copies)).find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
}

async function copyTable(db: Database, chunk: DemoCopyChunk, table: DemoTable, counts: Record<DemoTable, number>): Promise<void> {
  if (chunk[table].rows === 0) return
  await db.copyIn({ table, columns: DEMO_COLUMNS[table], chunks: [chunk[table].csv] })
  counts[table] += chunk[table].rows
}
