import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { findImport, listRejections } from '../../db/stores/import-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedProgramWaves } from '../../../test/seed-program-waves.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { runImport, type RunImportInput } from './run-import.ts'

// Responses of a program from a file: every row loaded (attributed to a wave of the program) or
// rejected with its line and reason code; a second run of the same file counts nothing twice.

let db: Database
const files = makeTempDir()
const user = { id: null, login: 'test' }
let pilot: number
let rollout: number

beforeAll(async () => {
  db = await openTestDatabase()
  await db.kysely.insertInto('clients').values(['R1', 'R2', 'R3', 'R4', 'R5', 'OUT'].map((bank_id) => ({ bank_id, full_name: bank_id }))).execute()
  // A pilot on 1 March (R1 target, R2 control, R4 target) and a rollout on 1 June (R1 control, R3 target).
  const seeded = await seedProgramWaves(db, {
    code: 'CC-X',
    waves: [
      { builtAt: '2026-03-01T09:00:00Z', members: { R1: 'target', R2: 'control', R4: 'target', R5: 'control' } },
      { builtAt: '2026-06-01T09:00:00Z', kind: 'rollout', members: { R1: 'control', R3: 'target' } },
    ],
  })
  ;[pilot, rollout] = seeded.waveIds
  await seedProgramWaves(db, { code: 'EMPTY', waves: [] })
})
afterAll(async () => {
  await db.close()
  files.remove()
})

function run(name: string, content: string, extra: Partial<RunImportInput> = {}) {
  const path = files.write(name, content)
  return runImport(db, { kind: 'responses', path, fileName: name, dryRun: false, user, today: '2026-12-02', program: 'CC-X', ...extra })
}

async function rejections(id: number) {
  return (await listRejections(db.kysely, { importId: id, limit: 100 })).map((r) => ({ line: r.line, codes: r.reasons?.map((x) => x.code), reason: r.reason }))
}

async function stored(bankId: string) {
  return db.kysely
    .selectFrom('responses as r')
    .innerJoin('clients as c', 'c.id', 'r.client_id')
    .leftJoin('wave_members as m', (join) => join.onRef('m.client_id', '=', 'r.client_id').onRef('m.wave_id', '=', 'r.wave_id'))
    .select(['r.type', 'r.wave_id', 'm.group', 'r.source', 'r.import_id', (eb) => eb.cast<string | null>('r.value', 'text').as('value'),
      (eb) => eb.fn<string>('to_char', [eb.ref('r.responded_at'), eb.val('YYYY-MM-DD"T"HH24:MI')]).as('at')])
    .where('c.bank_id', '=', bankId)
    .orderBy('r.responded_at')
    .orderBy('r.type')
    .execute()
}

const FILE = [
  'ИД клиента;Тип;Дата отклика;Сумма',
  'R1;conversion;10.04.2026 12:00;', // 2: R1's pilot, target
  'R2;траты;15.04.2026;1 234,56', // 3: R2's pilot, control, spend in Russian
  'R1;spend;02.06.2026;100.5', // 4: R1's rollout, control
  'NOBODY;reply;10.04.2026;', // 5: unknown client
  'R1;purchase;10.04.2026;', // 6: bad type
  'R2;balance;16.04.2026;', // 7: balance without a value
  'R2;spend;17.04.2026;-5', // 8: negative
  'R2;spend;18.04.2026;1,005', // 9: 1.005 roubles: a fraction of a kopeck
  'R2;reply;31.04.2026;', // 10: no such day
  'R2;reply;03.12.2026;', // 11: after the import's day
  'OUT;reply;10.04.2026;', // 12: in no wave of the program
  'R3;reply;10.04.2026;', // 13: before R3's first wave (the rollout)
  'R1;conversion;2026-04-10T15:00:00+03:00;', // 14: line 2 again, written with an offset
  'R4;application;01.03.2026 09:00;', // 15: at the very time the pilot was built
].join('\r\n') + '\r\n'

describe('runImport: responses', () => {
  it('loads every row that can be judged and rejects every other one with its line and reason code', async () => {
    const outcome = await run('responses.csv', FILE)
    expect(outcome).toMatchObject({ status: 'done', rowsRead: 14, loaded: 4, rejected: 10 })
    expect((await rejections(outcome.id)).map(({ line, codes }) => ({ line, codes }))).toEqual([
      { line: 5, codes: ['import.unknown_client'] },
      { line: 6, codes: ['import.bad_response_type'] },
      { line: 7, codes: ['response.value_required'] },
      { line: 8, codes: ['response.negative_value'] },
      { line: 9, codes: ['response.fractional_kopecks'] },
      { line: 10, codes: ['import.bad_timestamp'] },
      { line: 11, codes: ['import.future_date'] },
      { line: 12, codes: ['response.not_member'] },
      { line: 13, codes: ['response.before_wave'] },
      { line: 14, codes: ['import.duplicate_row'] },
    ])
    const byLine = new Map((await rejections(outcome.id)).map((r) => [r.line, r.reason]))
    expect(byLine.get(7)).toBe('column "Сумма" (value): a response of type balance needs its value in roubles')
    expect(byLine.get(12)).toBe('column "ИД клиента" (bank_id) "OUT": the client is in no wave of program CC-X (neither target nor control), so the response cannot be judged')
    expect(byLine.get(13)).toBe('column "Дата отклика" (responded_at) "10.04.2026": the response is earlier than the first wave of program CC-X the client is in (built 2026-06-01T09:00:00.000Z)')
    expect(byLine.get(14)).toMatch(/^duplicate: .* already appears on line 2 of this file$/)
    const reasons = (await listRejections(db.kysely, { importId: outcome.id, limit: 100 })).find((r) => r.line === 13)!.reasons
    expect(reasons).toEqual([{
      code: 'response.before_wave', column: 'Дата отклика', value: '10.04.2026', program: 'CC-X', respondedAt: '2026-04-10T00:00:00.000Z', builtAt: '2026-06-01T09:00:00.000Z',
    }])
    // Each response went to the wave the client was in when it came, in that wave's group.
    expect(await stored('R1')).toEqual([
      { type: 'conversion', wave_id: pilot, group: 'target', source: 'import', import_id: outcome.id, value: null, at: '2026-04-10T12:00' },
      { type: 'spend', wave_id: rollout, group: 'control', source: 'import', import_id: outcome.id, value: '100.50', at: '2026-06-02T00:00' },
    ])
    expect(await stored('R2')).toEqual([{ type: 'spend', wave_id: pilot, group: 'control', source: 'import', import_id: outcome.id, value: '1234.56', at: '2026-04-15T00:00' }])
    expect(await stored('R4')).toEqual([expect.objectContaining({ type: 'application', wave_id: pilot, group: 'target' })])
    // The history shows the program.
    expect(await findImport(db.kysely, outcome.id)).toMatchObject({ kind: 'responses', program: 'CC-X', status: 'done' })
  })

  it('counts a response once however often its file is loaded, updating its value; a blank value keeps the stored one', async () => {
    const file = 'client_id,type,responded_at,value\nR5,spend,2026-05-01,10\nR5,reply,2026-05-02,\n'
    await run('again-1.csv', file)
    await run('again-2.csv', file)
    expect(await stored('R5')).toEqual([
      expect.objectContaining({ type: 'spend', value: '10.00' }),
      expect.objectContaining({ type: 'reply', value: null }),
    ])
    const third = await run('again-3.csv', 'client_id,type,responded_at,value\nR5,spend,2026-05-01,25.5\nR5,reply,2026-05-02,7\n')
    expect(third).toMatchObject({ loaded: 2, rejected: 0 })
    await run('again-4.csv', 'client_id,type,responded_at,value\nR5,reply,2026-05-02,\n')
    expect(await stored('R5')).toEqual([
      expect.objectContaining({ type: 'spend', value: '25.50', import_id: third.id }),
      expect.objectContaining({ type: 'reply', value: '7.00' }),
    ])
  })

  it('rehearses in a dry run exactly what the real run does, and changes nothing', async () => {
    const file = [
      'client_id,type,responded_at,value', 'R4,visit,2026-07-01,', 'R4,spend,2026-07-02,', 'OUT,visit,2026-07-01,', 'R3,visit,2026-05-01,', 'R3,visit,2026-07-01,',
    ].join('\n')
    const before = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const dry = await run('dry.csv', file, { dryRun: true })
    const after = await db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
    const real = await run('real.csv', file)
    expect({ loaded: dry.loaded, rejected: dry.rejected }).toEqual({ loaded: real.loaded, rejected: real.rejected })
    expect({ loaded: real.loaded, rejected: real.rejected }).toEqual({ loaded: 2, rejected: 3 })
    expect((await rejections(dry.id)).map((r) => [r.line, r.reason])).toEqual((await rejections(real.id)).map((r) => [r.line, r.reason]))
  })

  it('runs two imports at once, each row counted once', async () => {
    const a = 'client_id,type,responded_at,value\nR1,visit,2026-08-01,\nR2,visit,2026-08-02,\n'
    const b = 'client_id,type,responded_at,value\nR1,visit,2026-08-01,\nR3,visit,2026-08-01,\n'
    const [first, second] = await Promise.all([run('at-once-a.csv', a), run('at-once-b.csv', b)])
    expect([first, second]).toMatchObject([{ status: 'done', loaded: 2 }, { status: 'done', loaded: 2 }])
    const visits = await db.kysely.selectFrom('responses').select(['client_id', 'wave_id']).where('type', '=', 'visit').where('responded_at', '>=', new Date('2026-08-01T00:00:00Z')).execute()
    expect(visits).toHaveLength(3)
  })

  it('needs an existing program when it names one, and takes none for the other kinds', async () => {
    const file = 'client_id,type,responded_at\nR1,reply,2026-04-01\n'
    await expect(run('unknown.csv', file, { program: 'NOPE' })).rejects.toMatchObject({ code: 'not_found', details: { code: 'program.not_found', id: 'NOPE' } })
    await expect(run('clients.csv', 'bank_id,full_name\nZ1,Z\n', { kind: 'clients' })).rejects.toMatchObject({ details: { code: 'import.program_not_for_kind' } })
    const empty = await run('empty-program.csv', file, { program: 'EMPTY' })
    expect(empty).toMatchObject({ loaded: 0, rejected: 1 })
    expect((await rejections(empty.id))[0].codes).toEqual(['response.not_member'])
  })
})
