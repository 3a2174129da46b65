import { describe, expect, it } from 'vitest'
import { demoTestClients } from '../../../test/demo-test-world.ts'
import { toCsvLine } from '../../db/to-csv-line.ts'
import { DEMO_COLUMNS, DEMO_TABLES, demoCopyChunk } from './demo-copy-chunk.ts'

describe('demoCopyChunk', () => {
  const clients = demoTestClients(8, 300)
  const chunk = demoCopyChunk(clients, '2026-11-26T12:00:00.000Z')

  it('writes the same lines as the generic CSV writer, columns in DEMO_COLUMNS order', () => {
    const expected = clients.map(({ client: c }) => toCsvLine([c.id, c.bankId, c.fullName, c.birthDate, c.gender, c.phone, c.email,
      c.address, c.regionCode, c.branchId, c.clientSince, c.monthlyIncome, c.segment, c.vip, c.personalManagerId, c.status,
      c.statusDate, c.statusReason, c.doNotContact, '2026-11-26T12:00:00.000Z', '2026-11-26T12:00:00.000Z'])).join('')
    expect(chunk.clients.csv).toBe(expected)
    expect(chunk.notes.csv).toBe(clients.flatMap(({ client, notes }) =>
      notes.map((n) => toCsvLine([client.id, n.authorId, n.kind, n.body, n.createdAt]))).join(''))
  })

  it.each(DEMO_TABLES)('writes one line per %s row with one field per column', (table) => {
    const lines = chunk[table].csv.split('\n').slice(0, -1)
    expect(lines).toHaveLength(chunk[table].rows)
    // Addresses, reasons and note bodies hold commas: count fields outside quotes.
    for (const line of lines) expect(line.replace(/"(?:[^"]|"")*"/g, 'q').split(',')).toHaveLength(DEMO_COLUMNS[table].length)
  })

  it('counts the rows of every table', () => {
    expect(chunk.clients.rows).toBe(300)
    expect(chunk.activity.rows).toBe(clients.reduce((n, c) => n + c.activity.length, 0))
    expect(chunk.consents.rows).toBe(clients.reduce((n, c) => n + c.consents.length, 0))
  })
})
