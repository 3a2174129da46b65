import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dataSet } from '../../../../test/data-sets.ts'
import { HILLSTROM_FILE } from '../../../../test/read-hillstrom.ts'
import { openTestDatabase } from '../../../../test/open-test-database.ts'
import { makeTempDir } from '../../../../test/temp-files.ts'
import type { ArmResult, ProgramResults } from '../../../contract/program-results-schemas.ts'
import { DomainError } from '../../../core/domain-error.ts'
import type { Database } from '../../../db/open-database.ts'
import { viewProgramResults } from '../../program/view-program-results.ts'
import { importHillstrom, type HillstromOutcome } from './import-hillstrom.ts'

// The Hillstrom experiment imported whole (64,000 rows) into PGlite, once for the file: the
// figures of its PROVENANCE.md and statsmodels' intervals and p-values (import-hillstrom.check.py,
// its output import-hillstrom.check.txt) from `program results`. PGlite only: the import's SQL is
// plain INSERT … SELECT FROM unnest, which the server runs alike; the store tests cover the server.

const actor = { id: null, login: 'test', role: null }
const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'import-hillstrom.check.txt'), 'utf8')) as {
  arms: ({ arm: string; response: 'visit' | 'conversion'; ci: [number, number]; p: number; uplift: number } | { arm: string; response: 'spend_per_member'; total: number; value_per_member: number; difference: number; ci: [number, number]; p: number })[]
}

/** PROVENANCE.md's table: | Mens E-Mail | 21,307 | 3,894 | 18.28% | 267 | 1.253% | $30,311.69 | $1.4226 | */
function provenance(): Record<string, { n: number; visits: number; visitRate: string; conversions: number; conversionRate: string; spend: string; perCustomer: string }> {
  const text = readFileSync(dataSet('hillstrom', 'PROVENANCE.md'), 'utf8')
  const out: ReturnType<typeof provenance> = {}
  const number = (s: string) => Number(s.replaceAll(',', ''))
  for (const m of text.matchAll(/^\| (Mens E-Mail|Womens E-Mail|No E-Mail) \| ([\d,]+) \| ([\d,]+) \| ([\d.]+)% \| ([\d,]+) \| ([\d.]+)% \| \$([\d,.]+) \| \$([\d.]+) \|$/gm)) {
    out[m[1]!] = { n: number(m[2]!), visits: number(m[3]!), visitRate: m[4]!, conversions: number(m[5]!), conversionRate: m[6]!, spend: m[7]!.replaceAll(',', ''), perCustomer: m[8]! }
  }
  return out
}

let db: Database
let first: HillstromOutcome
let results: ProgramResults
let seconds: number
beforeAll(async () => {
  db = await openTestDatabase()
  const started = performance.now()
  first = await importHillstrom(db.kysely, { path: HILLSTROM_FILE, actor })
  seconds = (performance.now() - started) / 1000
  results = await viewProgramResults(db.kysely, { code: 'HILLSTROM', now: new Date('2026-12-01T00:00:00Z') })
})
afterAll(async () => {
  await db?.close()
})

const arm = (offer: string, response: string): ArmResult => results.arms.find((a) => a.arm === offer && a.response === response)!
const pct = (x: number) => (100 * x).toFixed(2)

describe('import hillstrom', () => {
  it('loads 64,000 synthetic clients, a wave per e-mail sharing the No E-Mail control, and their visits and conversions', () => {
    console.info(`Hillstrom imported in ${seconds.toFixed(1)} s`)
    expect(first.program).toBe('HILLSTROM')
    expect(first.arms.map(({ arm: a, offer, target, control }) => ({ arm: a, offer, target, control }))).toEqual([
      { arm: 'mens', offer: 'HILLSTROM-MENS', target: 21_307, control: 21_306 },
      { arm: 'womens', offer: 'HILLSTROM-WOMENS', target: 21_387, control: 21_306 },
    ])
    // Control customers are members of both waves; visits 3,894 + 3,238 + 2,262 and conversions 267 + 189 + 122.
    expect(first.stored).toEqual({ clients: 64_000, members: 64_000 + 21_306, contacts: 21_307 + 21_387, responses: 9_394 + 578 })
    expect(first.added).toEqual(first.stored)
  })

  it('reproduces PROVENANCE.md: rates to two decimals of a per cent, spend per customer to the cent, the lifts over control', () => {
    const table = provenance()
    expect(Object.keys(table)).toHaveLength(3)
    const control = table['No E-Mail']!
    for (const [segment, offer] of [['Mens E-Mail', 'HILLSTROM-MENS'], ['Womens E-Mail', 'HILLSTROM-WOMENS']] as const) {
      const row = table[segment]!
      const visit = arm(offer, 'visit')
      const conversion = arm(offer, 'conversion')
      expect([visit.members, visit.responders, pct(visit.rate)]).toEqual([row.n, row.visits, row.visitRate])
      expect([visit.control.members, visit.control.responders, pct(visit.control.rate)]).toEqual([control.n, control.visits, control.visitRate])
      expect([conversion.responders, pct(conversion.rate), conversion.control.responders]).toEqual([row.conversions, Number(row.conversionRate).toFixed(2), control.conversions])
      expect(pct(conversion.control.rate)).toBe(Number(control.conversionRate).toFixed(2))
      // Spend is the conversions' value: per customer to the cent, and in total to the cent.
      expect(conversion.value_per_member.toFixed(2)).toBe(Number(row.perCustomer).toFixed(2))
      expect(conversion.control.value_per_member.toFixed(2)).toBe(Number(control.perCustomer).toFixed(2))
      expect((conversion.value_per_member * conversion.members).toFixed(2)).toBe(row.spend)
      expect(visit.value_per_member).toBe(0)
      expect(visit.value_uplift).toBeNull()
    }
    // "visit: +7.66 pp for Mens and +4.52 pp for Womens; conversion: +0.68 pp and +0.31 pp; spend per customer: +$0.77 and +$0.42"
    expect(['HILLSTROM-MENS', 'HILLSTROM-WOMENS'].map((o) => pct(arm(o, 'visit').uplift))).toEqual(['7.66', '4.52'])
    expect(['HILLSTROM-MENS', 'HILLSTROM-WOMENS'].map((o) => pct(arm(o, 'conversion').uplift))).toEqual(['0.68', '0.31'])
    expect(['HILLSTROM-MENS', 'HILLSTROM-WOMENS'].map((o) => arm(o, 'conversion').value_uplift!.difference.toFixed(2))).toEqual(['0.77', '0.42'])
  })

  it("gives statsmodels' Newcombe intervals, z-test p and Welch's spend interval for each arm", () => {
    expect(results.arms).toHaveLength(4)
    for (const ref of reference.arms) {
      if (ref.response === 'spend_per_member') {
        const got = arm(ref.arm, 'conversion')
        expect(got.value_per_member).toBeCloseTo(ref.value_per_member, 12)
        expect(got.value_uplift!.difference).toBeCloseTo(ref.difference, 12)
        expect(got.value_uplift!.ci[0]).toBeCloseTo(ref.ci[0], 9)
        expect(got.value_uplift!.ci[1]).toBeCloseTo(ref.ci[1], 9)
        expect(got.value_uplift!.p / ref.p).toBeCloseTo(1, 6)
        continue
      }
      const got = arm(ref.arm, ref.response)
      expect(got.test).toBe('z')
      expect(got.uplift).toBeCloseTo(ref.uplift, 14)
      expect(got.ci[0]).toBeCloseTo(ref.ci[0], 10)
      expect(got.ci[1]).toBeCloseTo(ref.ci[1], 10)
      expect(got.p / ref.p).toBeCloseTo(1, 6)
    }
  })

  it('adds nothing when run again', async () => {
    const again = await importHillstrom(db.kysely, { path: HILLSTROM_FILE, actor })
    expect(again.added).toEqual({ clients: 0, members: 0, contacts: 0, responses: 0 })
    expect(again.stored).toEqual(first.stored)
    expect(again.arms).toEqual(first.arms)
  })

  it('refuses another file before writing anything, naming the line and column', async () => {
    const temp = makeTempDir()
    try {
      const lines = readFileSync(HILLSTROM_FILE, 'utf8').split('\r\n')
      const refused = async (content: string) => {
        const error = await importHillstrom(db.kysely, { path: temp.write('h.csv', content), actor }).catch((e: unknown) => e)
        expect(error).toBeInstanceOf(DomainError)
        return (error as DomainError).details
      }
      expect(await refused(['recency,segment', '1,No E-Mail'].join('\n'))).toMatchObject({ code: 'import.hillstrom_bad_header' })
      const bad = [...lines.slice(0, 4), lines[4]!.replace(/,0,0,0$/, ',0,1,0'), ...lines.slice(5)].join('\r\n')
      expect(await refused(bad)).toEqual({ code: 'import.hillstrom_bad_cell', line: 5, column: 'spend', value: '0', rule: '> 0 (conversion = 1)' })
      expect(await refused(lines.slice(0, 100).join('\r\n'))).toEqual({ code: 'import.hillstrom_row_count', rows: 99, expected: 64_000 })
      expect(await refused([...lines.slice(0, 3), `${lines[3]},1`, ...lines.slice(4)].join('\r\n'))).toEqual({ code: 'import.hillstrom_bad_cell', line: 4, column: '—', value: '13', rule: '12 cells' })
      expect(await refused('# Rules\n\nSome "quoted, text" and more\n')).toMatchObject({ code: 'import.hillstrom_bad_header' })
    } finally {
      temp.remove()
    }
  })
})
