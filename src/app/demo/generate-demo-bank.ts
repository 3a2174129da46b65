import type { Database } from '../../db/open-database.ts'

export type GenerateDemoBankInput = {
  clients: number
  seed: number
  /** "Today" of the demo bank: activity runs for the 12+ months before it. */
  now: Date
  onProgress?: (done: number, total: number) => void
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

// STUB: replaced by the demo bank generator.
export async function generateDemoBank(_db: Database, _input: GenerateDemoBankInput): Promise<DemoBankCounts> {
  throw new Error('not built yet')
}
