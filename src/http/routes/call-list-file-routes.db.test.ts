import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { afterAll, describe, expect, it } from 'vitest'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { buildTestServer, signIn } from '../../../test/build-test-server.ts'
import { multipart } from '../../../test/multipart-body.ts'
import { seedCallWave } from '../../../test/seed-call-wave.ts'

// A call list handed to an external call centre and its outcomes loaded back: the same columns
// out and in, every bad row rejected with its line and reason, the good ones written together.
const T0 = new Date('2026-12-03T09:00:00Z')
const db = await openTestDatabase()
const app = await buildTestServer(db, () => T0)
const economist = (await signIn(app, db, 'program_economist')).cookie
const wave = await seedCallWave(db, { code: 'EXT', members: 6 })
await app.inject({ method: 'POST', url: `/api/call-centre/waves/${wave.waveId}/list`, headers: { cookie: economist }, payload: { operators: [] } })

afterAll(async () => {
  await app.close()
  await db.close()
})

const upload = (name: string, content: string | Buffer) => {
  const form = multipart({}, { name, content })
  return app.inject({ method: 'POST', url: `/api/call-centre/waves/${wave.waveId}/import`, headers: { ...form.headers, cookie: economist }, payload: form.payload })
}

describe('a call list for an external call centre', () => {
  it('goes out as CSV with Russian headers and the phones, and is audited', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/call-centre/waves/${wave.waveId}/export?format=csv&language=ru`, headers: { cookie: economist } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="call-list-EXT-wave-${wave.waveId}.csv"`)
    const rows = parse(response.rawPayload.toString('utf8').replace(/^\ufeff/, ''), { delimiter: ';' }) as string[][]
    expect(rows[0]).toEqual(['Номер клиента', 'ФИО', 'Телефон', 'Приоритет', 'Статус', 'Попыток', 'Технический результат', 'Результат', 'Время звонка', 'Перезвонить', 'Комментарий'])
    expect(rows.length).toBe(7)
    expect(rows.slice(1).map((r) => r[2])).toContain('79120000001')
    const audit = await db.kysely.selectFrom('audit_events').select('details').where('action', '=', 'call_list.export').executeTakeFirstOrThrow()
    expect(audit.details).toMatchObject({ format: 'csv', rows: 6 })
  })

  it('comes back with outcomes: good rows loaded, each bad one rejected with its line and reason, nothing else written', async () => {
    const csv = [
      'Номер клиента;Технический результат;Результат;Время звонка;Перезвонить;Комментарий',
      'EXT-1;connected;agreed;03.12.2026 11:30;;Оформит карту',
      'EXT-2;no_answer;;03.12.2026 11:35;;',
      'EXT-3;занято;;;;',
      'NOBODY;busy;;;;',
      'EXT-4;busy;agreed;;;',
      'EXT-5;;;;;',
      'EXT-1;no_answer;;;;',
    ].join('\r\n')
    const response = await upload('outcomes.csv', csv)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      rowsRead: 7,
      loaded: 2,
      rejected: [
        { line: 4, reason: { code: 'call.import_unknown_outcome', column: 'Технический результат', value: 'занято' } },
        { line: 5, reason: { code: 'call.import_unknown_client', value: 'NOBODY' } },
        { line: 6, reason: { code: 'call.business_outcome_unreached', technical: 'busy', business: 'agreed' } },
        { line: 8, reason: { code: 'call.import_task_closed', value: 'EXT-1', status: 'done' } },
      ],
    })
    const contacts = await db.kysely.selectFrom('contacts').select(['status', 'sent_at']).where('wave_id', '=', wave.waveId).execute()
    expect(contacts).toEqual([{ status: 'sent', sent_at: new Date('2026-12-03T08:30:00Z') }])
    const attempts = await db.kysely.selectFrom('call_attempts').select(['technical', 'source']).where('wave_id', '=', wave.waveId).orderBy('id').execute()
    expect(attempts).toEqual([{ technical: 'connected', source: 'import' }, { technical: 'no_answer', source: 'import' }])
  })

  it('reads XLSX too, and refuses a file without the client column', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Calls')
    sheet.addRow(['Client number', 'Technical outcome', 'Business outcome', 'Call back at'])
    sheet.addRow(['EXT-3', 'connected', 'callback', '2026-12-04T10:00:00+03:00'])
    const response = await upload('outcomes.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(response.json()).toEqual({ rowsRead: 1, loaded: 1, rejected: [] })
    const callback = await db.kysely.selectFrom('callbacks').select(['due_at', 'only_me']).where('wave_id', '=', wave.waveId).executeTakeFirstOrThrow()
    expect(callback).toEqual({ due_at: new Date('2026-12-04T07:00:00Z'), only_me: false })

    const bad = await upload('bad.csv', 'ФИО;Технический результат\nИванов;busy\n')
    expect(bad.statusCode).toBe(422)
    expect(bad.json().details).toEqual({ code: 'call.import_missing_column', column: 'Номер клиента' })
  })
})
