import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { readPdfText } from '../../../test/read-pdf-text.ts'
import { seedSendWave } from '../../../test/seed-send-wave.ts'
import { makeTempDir } from '../../../test/temp-files.ts'
import { printLetterWave } from './print-letter-wave.ts'

// A letter wave's print batch: one PDF (its text read back with pdf.js) and a CSV of addresses,
// each target member once, never a control member or one who refused letters; a second run prints
// nothing again, and a run whose batch never reached the folder is printed by the next.
let db: Database
const out = makeTempDir('otklik-print-')
const actor = { id: null, login: 'test' }

beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  out.remove()
  await db.close()
})

describe('printing a letter wave', () => {
  it('puts each target member the policy lets through in one PDF and its CSV, once', async () => {
    const wave = await seedSendWave(db, { code: 'LTR', members: 30, channel: 'letter' })
    const refused = wave.clientIds.target[0]!
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source) VALUES (${refused}, 'letter', false, now() - interval '1 hour', 'branch')`.execute(db.kysely)
    const result = await printLetterWave(db, { waveId: wave.waveId, outDir: out.dir, actor })
    expect(result).toMatchObject({ status: 'finished', queued: 27, sent: 26, skipped_by_policy: 1, letters: 26 })
    const { text, pages } = await readPdfText(readFileSync(result.pdf!))
    expect(pages).toBe(26)
    expect(text).toContain('Предлагаем вклад «Надёжный» под 18,5')
    expect(text).toContain('г. Москва, ул. Тверская, д. 2')
    const csv = readFileSync(result.csv!, 'utf8').trim().split('\n')
    expect(csv.length).toBe(27) // the header and 26 letters
    expect(csv.some((line) => line.includes(`Петровна 1,`) || line.includes('Петровна 1;'))).toBe(false)

    const again = await printLetterWave(db, { waveId: wave.waveId, outDir: out.dir, actor })
    expect(again).toMatchObject({ status: 'finished', sent: 26, letters: 0, pdf: null })
    expect(readdirSync(out.dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(1)
  })

  it('prints again the letters of a batch that never reached the folder, and not those of one that did', async () => {
    const wave = await seedSendWave(db, { code: 'LTRKILL', members: 20, channel: 'letter' })
    // As a run killed between the claim and the rename leaves them: `sending`, naming a batch that is not there.
    await printLetterWave(db, { waveId: wave.waveId, outDir: out.dir, actor })
    const printed = readdirSync(out.dir).filter((f) => f.startsWith(`wave-${wave.waveId}-`) && f.endsWith('.pdf'))
    expect(printed).toHaveLength(1)
    await sql`UPDATE contacts SET status = 'sending', sent_at = NULL, provider_message_id = 'wave-${sql.raw(String(wave.waveId))}-letters-gone#' || id WHERE wave_id = ${wave.waveId} AND client_id IN (SELECT client_id FROM contacts WHERE wave_id = ${wave.waveId} ORDER BY client_id LIMIT 5)`.execute(db.kysely)
    // And one whose batch is in the folder: left `sending` after its rename.
    const kept = `wave-${wave.waveId}-letters-kept`
    writeFileSync(`${out.dir}/${kept}.pdf`, 'printed')
    await sql`UPDATE contacts SET status = 'sending', sent_at = NULL, provider_message_id = ${`${kept}#`} || id WHERE wave_id = ${wave.waveId} AND status = 'sent' AND client_id IN (SELECT client_id FROM contacts WHERE wave_id = ${wave.waveId} AND status = 'sent' ORDER BY client_id DESC LIMIT 3)`.execute(db.kysely)
    const next = await printLetterWave(db, { waveId: wave.waveId, outDir: out.dir, now: () => new Date(Date.now() + 1000), actor })
    expect(next).toMatchObject({ status: 'finished', sent: 18, letters: 5 })
    expect(existsSync(next.pdf!)).toBe(true)
    rmSync(`${out.dir}/${kept}.pdf`)
  })
})
