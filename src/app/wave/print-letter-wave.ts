import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LetterToPrint } from '../../contract/letter-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { bankDay } from '../../core/bank-day.ts'
import { DomainError } from '../../core/domain-error.ts'
import { letterTextOfHtml } from '../../core/offer/letter-text-of-html.ts'
import type { Database } from '../../db/open-database.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { recordSendOutcomes, type SendOutcome } from '../../db/stores/contact-send-store.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import { readBankLetterhead } from '../../db/stores/letterhead-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { batchFileName, createPrintBatchChannel } from '../channels/print-batch-channel.ts'
import { writeLetterBatch } from '../offer/write-letter-batch.ts'
import { claimWaveBatch, type ClaimedContact } from './claim-wave-batch.ts'
import { memberTemplateData } from './compose-wave-message.ts'
import { prepareWaveSend } from './prepare-wave-send.ts'
import { runWaveSend } from './run-wave-send.ts'
import type { WaveSendResult } from './wave-send-result.ts'

export type PrintLetterWaveInput = { waveId: number; outDir: string; actor: AuditActor; now?: () => Date }

export type PrintedBatch = WaveSendResult & { pdf: string | null; csv: string | null; letters: number }

/**
 * A letter wave's print batch (issue 8, item 4): every target member the contact policy still lets
 * through gets one letter in one PDF, with a CSV of addresses beside it for the envelopes. Each
 * letter is in exactly one batch: the contacts are claimed first naming the batch, the two files
 * are written under temporary names and renamed into place, and only then are the contacts `sent`.
 * A run killed before the rename leaves no batch and its letters are printed by the next run; one
 * killed after finds the batch in the folder and marks its letters sent.
 */
export async function printLetterWave(db: Database, input: PrintLetterWaveInput): Promise<PrintedBatch> {
  const now = input.now ?? (() => new Date())
  const batch = `wave-${input.waveId}-letters-${now().toISOString().replace(/\D/g, '').slice(0, 14)}`
  mkdirSync(input.outDir, { recursive: true })
  const channel = createPrintBatchChannel({ outDir: input.outDir, batch })
  const timeZone = await readBankTimeZone(db.kysely)
  const plan = await prepareWaveSend(db.kysely, { waveId: input.waveId, channels: { letter: channel }, today: bankDay(now(), timeZone) })
  if (plan.wave.channel !== 'letter') throw new DomainError('invalid_input', 'Not a letter wave', reason('wave.channel_not_sent', { channel: plan.wave.channel }))
  const owner = { pid: process.pid, command: 'otklik wave print' }
  const run = await runWaveSend(db, { plan, actor: input.actor, owner, now, auditDetails: { batch } }, async () => {
    const window = await readContactWindow(db.kysely)
    const claimed: ClaimedContact[] = []
    for (;;) {
      const next = await claimWaveBatch(db.kysely, { plan, window, now: now(), limit: 1000 })
      claimed.push(...next.claimed)
      if (next.due === 0) break
    }
    const files = claimed.length > 0 ? await writeBatch({ plan, claimed, batch, outDir: input.outDir, day: bankDay(now(), timeZone), db }) : null
    const outcomes: SendOutcome[] = claimed.map((c) => ({ clientId: c.clientId, id: c.id, state: 'sent', sentAt: now(), providerMessageId: c.reference }))
    for (let i = 0; i < outcomes.length; i += 1000) await recordSendOutcomes(db.kysely, { waveId: input.waveId, outcomes: outcomes.slice(i, i + 1000), now: now() })
    return { pdf: files?.pdf ?? null, csv: files?.csv ?? null, letters: claimed.length }
  })
  return { ...run.result, ...run.value }
}

type WriteBatchInput = { plan: Awaited<ReturnType<typeof prepareWaveSend>>; claimed: ClaimedContact[]; batch: string; outDir: string; day: string; db: Database }

/** Renders the letters and puts the PDF and the CSV in place, each written whole and then renamed. */
async function writeBatch(input: WriteBatchInput): Promise<{ pdf: string; csv: string }> {
  const { plan } = input
  const letters: LetterToPrint[] = input.claimed.map((c) => {
    const rendered = plan.templates.render(memberTemplateData(c, plan.offer))
    if (!rendered.ok) throw new DomainError('invalid_input', 'The letter template does not render', { ...rendered.reason, channel: 'letter' })
    return { recipient: { fullName: c.fullName, address: c.address }, date: input.day, subject: plan.offer.name, bodyText: letterTextOfHtml(rendered.parts.body_html ?? ''), reference: String(c.id) }
  })
  const printed = await writeLetterBatch({ letters, bank: await readBankLetterhead(input.db.kysely), language: 'ru' })
  const pdf = join(input.outDir, batchFileName(input.batch))
  const csv = join(input.outDir, `${input.batch}.csv`)
  // The CSV first: the PDF's name in the folder is what says the batch exists (print-batch-channel.ts).
  writeFileSync(`${csv}.part`, printed.csv)
  renameSync(`${csv}.part`, csv)
  writeFileSync(`${pdf}.part`, printed.pdf)
  renameSync(`${pdf}.part`, pdf)
  return { pdf, csv }
}
