import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { demoTestClients, demoTestWorld } from '../../../test/demo-test-world.ts'
import { generateDemoClient } from './generate-demo-client.ts'

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

describe('generateDemoClient', () => {
  it('makes the same rows for the same seed, and other rows for another seed', () => {
    const first = hashOf(demoTestClients(1, 3_000))
    expect(hashOf(demoTestClients(1, 3_000))).toBe(first)
    expect(hashOf(demoTestClients(2, 3_000))).not.toBe(first)
  })

  it('makes a client the same whatever was generated before it (chunking does not matter)', () => {
    const sequence = demoTestClients(5, 1_300)
    expect(generateDemoClient(demoTestWorld(5), 1_234)).toEqual(sequence[1_234])
  })

  const clients = demoTestClients(3, 5_000)

  it('gives unique bank ids, ids after the first id, and well-formed contacts', () => {
    expect(new Set(clients.map((c) => c.client.bankId)).size).toBe(clients.length)
    expect(clients.map((c) => c.client.id)).toEqual(clients.map((_, i) => i + 1))
    for (const { client } of clients) {
      expect(client.bankId).toMatch(/^C\d{9}$/)
      if (client.phone !== null) expect(client.phone).toMatch(/^79\d{9}$/)
      if (client.email !== null) expect(client.email).toMatch(/^[a-z0-9.]+@[a-z]+\.(ru|com)$/)
      expect(client.address).toMatch(/^г\. /)
    }
    expect(clients.filter((c) => c.client.phone === null).length / clients.length).toBeLessThan(0.06)
  })

  it('gives unique account numbers: 20 digits for accounts', () => {
    const accounts = clients.flatMap((c) => c.holdings.map((h) => h.accountNo))
    expect(new Set(accounts).size).toBe(accounts.length)
    for (const c of clients) {
      for (const h of c.holdings) if (!['INS_LIFE', 'RB_MOBILE'].includes(h.productCode)) expect(h.accountNo).toMatch(/^\d{20}$/)
    }
  })

  it('makes VIP clients exactly the active premium and private ones, each with a personal manager of the region', () => {
    const world = demoTestWorld(3)
    for (const { client } of clients) {
      const premium = client.segment === 'premium' || client.segment === 'private'
      expect(client.vip).toBe(premium && client.status === 'active')
      if (client.vip) expect(world.personalManagerIds[client.regionCode]).toContain(client.personalManagerId)
      else expect(client.personalManagerId).toBeNull()
    }
    expect(clients.filter((c) => c.client.vip).length).toBeGreaterThan(0)
  })

  it('writes notes for some clients, by the personal manager for VIP clients and by the branch otherwise', () => {
    const withNotes = clients.filter((c) => c.notes.length > 0)
    expect(withNotes.length / clients.length).toBeGreaterThan(0.04)
    expect(withNotes.length / clients.length).toBeLessThan(0.12)
    for (const c of withNotes) {
      for (const note of c.notes) {
        expect(note.authorId).toBe(c.client.personalManagerId ?? 1)
        expect(note.createdAt >= '2025-11-26').toBe(true)
        expect(note.createdAt.slice(0, 10) >= c.client.clientSince).toBe(true)
      }
    }
  })
})
