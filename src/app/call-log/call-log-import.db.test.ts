import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRandom } from '../../core/demo/create-random.ts'
import { summariseCalls } from '../../core/call-log/summarise-calls.ts'
import type { Database } from '../../db/open-database.ts'
import { summariseCallPeriod } from '../../db/stores/call-analysis-store.ts'
import { listRejections } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport, startImport } from '../import/run-import.ts'

// The call log through the import machinery: phones matched in any format, times on the bank's
// clock (Moscow: no setting), durations in seconds or mm:ss, every bad row rejected naming its
// line and column; a repeat load adds nothing; the analysis in SQL equals its definition in core.
let db: Database
const files = makeTempDir()
const ids: Record<string, number> = {}

beforeAll(async () => {
  db = await openTestDatabase()
  const rows = await db.kysely.insertInto('clients').values([
    { bank_id: 'C1', full_name: 'Иванов Иван', phone: '79123456789' },
    { bank_id: 'C2', full_name: 'Петрова Анна', phone: '79161112233' },
    { bank_id: 'C3', full_name: 'Сидоров Пётр', phone: '79035550000' },
    { bank_id: 'C4', full_name: 'Сидорова Мария', phone: '79035550000' },
  ]).returning(['id', 'bank_id']).execute()
  for (const row of rows) ids[row.bank_id] = Number(row.id)
})
afterAll(async () => {
  await db.close()
  files.remove()
})

const run = (name: string, content: string | Buffer) =>
  runImport(db, { kind: 'calls', path: files.write(name, content), fileName: name, dryRun: false, user: { id: null, login: 'test' }, today: '2026-12-04' })
const reasons = async (id: number) => (await listRejections(db.kysely, { importId: id, limit: 100 })).map((r) => `${r.line}: ${r.reason}`)
const stored = () => db.kysely.selectFrom('calls').selectAll().orderBy('started_at').execute()

const LOG = 'Время звонка;Телефон клиента;Причина;Длительность;Результат;Оператор;Направление\n' +
  '02.03.2026 10:00;8 (912) 345-67-89;Карта;2:00;решён;Иванова;входящий\n' +
  '04.03.2026 09:30;+7 912 3456789;card;300;перезвон;Иванова;\n' +
  '02.03.2026 10:00;79123456789;card;10;resolved;;\n' +
  '03.03.2026 23:30;9161112233;Кредит;1:00;сорвался;Петров;in\n' +
  '05.03.2026 12:00;+7 999 000-00-01;card;60;resolved;;\n' +
  '05.03.2026 12:05;8 903 555-00-00;card;60;resolved;;\n' +
  '05.03.2026 13:00;79161112233;loan;-0:30;resolved;;\n' +
  '05.03.2026 14:00;79161112233;loan;45;hung up on;;\n'

describe('import calls', () => {
  it('loads the calls it can give to one client and rejects the others with line, column and reason', async () => {
    const outcome = await run('calls.csv', LOG)
    expect(outcome).toMatchObject({ status: 'done', loaded: 3, rejected: 5 })
    expect(await reasons(outcome.id)).toEqual([
      '4: duplicate: phone "79123456789", started_at "2026-03-02T07:00:00.000Z" already appears on line 2 of this file',
      '6: column "Телефон клиента" (phone) "+******01": no client has this phone',
      '7: column "Телефон клиента" (phone) "8******00": the phone belongs to 2 clients',
      '8: column "Длительность" (duration) "-0:30": a negative duration: a call lasts 0 seconds or more',
      '9: column "Результат" (outcome) "hung up on": expected resolved, escalated, callback, complaint or dropped',
    ])
    expect((await stored()).map((c) => [c.client_id, c.started_at.toISOString(), c.direction, c.phone, c.reason, c.duration_seconds, c.outcome, c.operator])).toEqual([
      [ids.C1, '2026-03-02T07:00:00.000Z', 'inbound', '79123456789', 'card', 120, 'resolved', 'Иванова'],
      [ids.C2, '2026-03-03T20:30:00.000Z', 'inbound', '79161112233', 'loan', 60, 'dropped', 'Петров'],
      [ids.C1, '2026-03-04T06:30:00.000Z', 'inbound', '79123456789', 'card', 300, 'callback', 'Иванова'],
    ])
  })

  it('adds nothing when the same log is loaded again (one call per client and start time)', async () => {
    const again = await run('calls-again.csv', LOG)
    expect(again).toMatchObject({ status: 'done', loaded: 3, rejected: 5 })
    expect(await stored()).toHaveLength(3)
  })

  it('reads a workbook, its time cells on the bank clock', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Звонки')
    sheet.addRow(['time', 'phone', 'reason', 'duration', 'outcome', 'direction'])
    sheet.addRow([new Date(Date.UTC(2026, 2, 6, 9, 15)), '89161112233', 'Бонусная программа', 245, 'resolved', 'outbound'])
    const outcome = await run('calls.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(outcome).toMatchObject({ status: 'done', loaded: 1, rejected: 0 })
    const call = (await stored()).at(-1)!
    expect([call.started_at.toISOString(), call.reason, call.duration_seconds, call.direction]).toEqual(['2026-03-06T06:15:00.000Z', 'Бонусная программа', 245, 'outbound'])
  })

  it('keeps every stored call when a log cannot be read', async () => {
    const failed = await run('no-duration.csv', 'time,phone,reason,outcome\n2026-03-07 10:00,79123456789,card,resolved\n')
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/^missing required columns: duration /) })
    expect(await stored()).toHaveLength(4)
  })
})

describe('the call analysis', () => {
  it('answers in SQL what core/call-log/summarise-calls.ts defines, on random calls', async () => {
    // 400 calls of 4 clients over March: close enough together that many are repeats.
    const random = createRandom(33, 1)
    const values = Array.from({ length: 400 }, (_, i) => ({
      client_id: ids[random.pick(['C1', 'C2', 'C3', 'C4'])],
      started_at: new Date(Date.UTC(2026, 2, 1) + i * 6_700_000 + random.int(0, 3_000_000)),
      direction: random.chance(0.8) ? 'inbound' as const : 'outbound' as const,
      phone: '70000000000',
      reason: random.pick(['card', 'loan', 'Бонусы']),
      duration_seconds: random.int(0, 900),
      outcome: random.pick(['resolved', 'escalated', 'callback', 'complaint', 'dropped'] as const),
    }))
    await db.kysely.insertInto('calls').values(values).onConflict((oc) => oc.columns(['client_id', 'started_at']).doNothing()).execute()
    const facts = (await stored()).map((c) => ({
      clientId: Number(c.client_id), startedAt: c.started_at.getTime(), direction: c.direction, reason: c.reason, durationSeconds: c.duration_seconds, outcome: c.outcome,
    }))
    for (const period of [{ from: '2026-03-02', to: '2026-03-08' }, { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-04-01', to: '2026-04-02' }]) {
      const expected = summariseCalls({ calls: facts, ...period, timeZone: 'Europe/Moscow' })
      expect(await summariseCallPeriod(db.kysely, { ...period, timeZone: 'Europe/Moscow' })).toEqual(expected)
    }
  })

  it('keeps answering while a log is being loaded', async () => {
    const lines = ['time;phone;reason;duration;outcome']
    // More rows than one chunk of the import (run-import.ts CHUNK_ROWS), a minute apart.
    for (let i = 0; i < 6_000; i++) lines.push(`${new Date(Date.UTC(2026, 4, 1) + i * 60_000).toISOString()};79123456789;card;60;resolved`)
    const { done } = await startImport(db, { kind: 'calls', path: files.write('big.csv', lines.join('\n')), fileName: 'big.csv', dryRun: false, user: { id: null, login: 'test' } })
    let finished = false
    void done.then(() => { finished = true })
    const during = await summariseCallPeriod(db.kysely, { from: '2026-05-01', to: '2026-05-31', timeZone: 'Europe/Moscow' })
    expect(finished).toBe(false) // read between the import's chunks, not after it
    expect(during.totals.calls).toBe(0) // the import's one apply makes its calls visible at once, not before
    expect(await done).toMatchObject({ status: 'done', loaded: 6_000, rejected: 0 })
    expect((await summariseCallPeriod(db.kysely, { from: '2026-05-01', to: '2026-05-31', timeZone: 'Europe/Moscow' })).totals.calls).toBe(6_000)
  })
})
