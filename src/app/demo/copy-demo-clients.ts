import { generateDemoClient, type DemoClient } from '../../core/demo/generate-demo-client.ts'
import type { DemoWorld } from '../../core/demo/demo-world.ts'
import type { Database } from '../../db/open-database.ts'
import { DEMO_COLUMNS, DEMO_TABLES, demoCopyChunk, type DemoTable } from './demo-copy-chunk.ts'

// Clients generated and copied per round: about 100,000 rows (a few MB of CSV), so a bank of
// millions never sits in memory at once.
const CHUNK_CLIENTS = 5_000

export type CopyDemoClientsInput = {
  world: DemoWorld
  clients: number
  loadedAt: Date
  onProgress?: (done: number, total: number) => void
}

/** Generates the demo clients chunk by chunk and copies each chunk in; returns the rows per table. */
export async function copyDemoClients(db: Database, input: CopyDemoClientsInput): Promise<Record<DemoTable, number>> {
  const counts: Record<DemoTable, number> = { clients: 0, holdings: 0, activity: 0, consents: 0, notes: 0 }
  const loadedAt = input.loadedAt.toISOString()
  input.onProgress?.(0, input.clients)
  for (let start = 0; start < input.clients; start += CHUNK_CLIENTS) {
    const end = Math.min(input.clients, start + CHUNK_CLIENTS)
    const batch: DemoClient[] = []
    for (let index = start; index < end; index++) batch.push(generateDemoClient(input.world, index))
    const chunk = demoCopyChunk(batch, loadedAt)
    // Clients first: the other tables refer to them.
    for (const table of DEMO_TABLES) {
      if (chunk[table].rows === 0) continue
      await db.copyIn({ table, columns: DEMO_COLUMNS[table], chunks: [chunk[table].csv] })
      counts[table] += chunk[table].rows
    }
    input.onProgress?.(end, input.clients)
  }
  return counts
}
