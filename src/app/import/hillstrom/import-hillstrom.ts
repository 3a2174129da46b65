import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import type { Kysely } from 'kysely'
import { reason } from '../../../contract/reason-codes.ts'
import { DomainError } from '../../../core/domain-error.ts'
import { checkHillstromHeader, checkHillstromRow, type HillstromRow } from '../../../core/import/hillstrom/check-hillstrom-row.ts'
import {
  HILLSTROM_ARMS, HILLSTROM_ATTRIBUTION_DAYS, HILLSTROM_PROGRAM_CODE, HILLSTROM_RESPONDED_AT, HILLSTROM_ROWS, HILLSTROM_SENT_AT, hillstromBankId, type HillstromArm,
} from '../../../core/import/hillstrom/hillstrom-experiment.ts'
import { attributeResponse } from '../../../core/response/attribute-response.ts'
import { contactPolicyOverridesSchema } from '../../../contract/contact-policy.ts'
import { offerContentSchema } from '../../../contract/offer-schemas.ts'
import { mergeContactPolicy } from '../../../core/selection/contact-policy.ts'
import type { Schema } from '../../../db/schema.ts'
import { readBankTimeZone } from '../../../db/stores/bank-time-zone-store.ts'
import { countExperiment, findWaveByOfferCode, insertExperimentBatch, insertExperimentWave, type BatchCounts, type ExperimentBatch } from '../../../db/stores/hillstrom-store.ts'
import { findLatestOffer, insertOfferVersion } from '../../../db/stores/offer-store.ts'
import { currentContactPolicy, universalHoldout } from '../../../db/stores/policy-store.ts'
import { findProgramByCode, lockProgramByCode, type ProgramRecord } from '../../../db/stores/program-store.ts'
import { createProgram } from '../../program/create-program.ts'
import type { ProgramActor } from '../../program/program-actor.ts'

/** Customers per transaction: each batch is four short statements (invariant 10). */
const BATCH = 2000

/** The free text that marks the program as this import's (a program of the same code made by hand is refused). */
const PROGRAM_OFFER_TEXT = "Kevin Hillstrom's MineThatData e-mail experiment (2008): 64,000 synthetic clients, two e-mails and a shared control; money in US dollars"

export type HillstromArmOutcome = { arm: HillstromArm; wave: number; offer: string; target: number; control: number }

/** An arm as the batches write it: its wave and the offer id of its contacts. */
type ArmWave = HillstromArmOutcome & { offerId: number }

export type HillstromOutcome = {
  program: string
  arms: HillstromArmOutcome[]
  /** What is stored now, and what this run added (all zeros when the experiment was imported before). */
  stored: BatchCounts
  added: BatchCounts
}

/**
 * `otklik import hillstrom FILE`: the experiment as a program (core/import/hillstrom/hillstrom-experiment.ts
 * says how). The whole file is checked before anything is written — a bad cell fails the import
 * naming its line and column. Idempotent: every row is written under a natural key (the client's
 * bank id from the row number, member, contact, response) and a rerun adds nothing; a run cut
 * short is completed by the next.
 */
export async function importHillstrom(db: Kysely<Schema>, input: { path: string; actor: ProgramActor; onProgress?: (done: number, total: number) => void }): Promise<HillstromOutcome> {
  const rows = await readHillstromFile(input.path)
  return loadHillstromRows(db, { rows, actor: input.actor, onProgress: input.onProgress })
}

/** The checked rows into the program; the browser tests load a few hundred made-up ones this way, not the 64,000. */
export async function loadHillstromRows(db: Kysely<Schema>, input: { rows: readonly HillstromRow[]; actor: ProgramActor; onProgress?: (done: number, total: number) => void }): Promise<HillstromOutcome> {
  const { rows } = input
  const program = await ensureProgram(db, input.actor)
  const sizes = armSizes(rows)
  const arms: ArmWave[] = []
  for (const { arm, offerCode } of HILLSTROM_ARMS) {
    const wave = await ensureArmWave(db, { program, arm, offerCode, target: sizes[arm], control: sizes.control, actor: input.actor })
    arms.push({ arm, wave: wave.id, offer: offerCode, target: sizes[arm], control: sizes.control, offerId: wave.offerId })
  }
  const added: BatchCounts = { clients: 0, members: 0, contacts: 0, responses: 0 }
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = experimentBatch(program.id, rows.slice(start, start + BATCH), arms)
    const counts = await db.transaction().execute((tx) => insertExperimentBatch(tx, batch))
    for (const key of Object.keys(added) as (keyof BatchCounts)[]) added[key] += counts[key]
    input.onProgress?.(Math.min(rows.length, start + BATCH), rows.length)
  }
  const stored = await countExperiment(db, { programId: program.id, bankIdPrefix: 'HILLSTROM-' })
  return { program: program.code, arms: arms.map(({ arm, wave, offer, target, control }) => ({ arm, wave, offer, target, control })), stored, added }
}

async function readHillstromFile(path: string): Promise<HillstromRow[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new DomainError('import_failed', `cannot read ${path}: ${detail}`, reason('import.unreadable_file', { detail }))
  }
  let records: string[][]
  try {
    // Rows of another length are the row check's to refuse, with their line.
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true })
  } catch (error) {
    const detail = (error as Error).message
    throw new DomainError('import_failed', `${path}: ${detail}`, reason('import.unreadable_file', { detail }))
  }
  const [header, ...data] = records
  const badHeader = checkHillstromHeader(header ?? [])
  if (badHeader) throw new DomainError('import_failed', `${path}: not Hillstrom's file: its header must be ${badHeader.columns}`, badHeader)
  const names = header!.map((h) => h.trim())
  const rows = data.map((cells, i) => {
    if (cells.length !== names.length) {
      throw new DomainError('import_failed', `${path}: line ${i + 2} has ${cells.length} cells`, reason('import.hillstrom_bad_cell', { line: i + 2, column: '—', value: String(cells.length), rule: `${names.length} cells` }))
    }
    const checked = checkHillstromRow(Object.fromEntries(names.map((name, c) => [name, cells[c] ?? ''])), { line: i + 2, row: i + 1 })
    if (!checked.ok) throw new DomainError('import_failed', `${path}: line ${checked.reason.line}, ${checked.reason.column}: ${checked.reason.value}`, checked.reason)
    return checked.row
  })
  // A shorter or longer file is another sample, whose figures would not be Hillstrom's.
  if (rows.length !== HILLSTROM_ROWS) {
    throw new DomainError('import_failed', `${path}: ${rows.length} rows, not ${HILLSTROM_ROWS}`, reason('import.hillstrom_row_count', { rows: rows.length, expected: HILLSTROM_ROWS }))
  }
  return rows
}

function armSizes(rows: readonly HillstromRow[]): Record<HillstromArm | 'control', number> {
  const sizes: Record<HillstromArm | 'control', number> = { mens: 0, womens: 0, control: 0 }
  for (const row of rows) sizes[row.group === 'control' ? 'control' : row.group.arm]++
  return sizes
}

/** The program, created on the first run (audited by createProgram); a program of the code that this import did not make is refused. */
async function ensureProgram(db: Kysely<Schema>, actor: ProgramActor): Promise<ProgramRecord> {
  const found = await findProgramByCode(db, HILLSTROM_PROGRAM_CODE)
  if (found) {
    if (found.offer !== PROGRAM_OFFER_TEXT) {
      throw new DomainError('conflict', `A program ${HILLSTROM_PROGRAM_CODE} exists that this import did not create`, reason('import.hillstrom_program_taken', { program: HILLSTROM_PROGRAM_CODE }))
    }
    return found
  }
  await createProgram(db, {
    body: {
      code: HILLSTROM_PROGRAM_CODE,
      name: 'Hillstrom e-mail experiment (MineThatData, 2008)',
      goal: 'activation',
      offer: PROGRAM_OFFER_TEXT,
      channels: ['email'],
      // Two thirds were e-mailed, one third held out.
      controlShare: 0.3333,
      businessCase: { attributionDays: HILLSTROM_ATTRIBUTION_DAYS },
    },
    actor,
  })
  return (await findProgramByCode(db, HILLSTROM_PROGRAM_CODE))!
}

/** The arm's offer (version 1) and its wave, created once: target its e-mailed customers, control the shared "No E-Mail" third. */
async function ensureArmWave(
  db: Kysely<Schema>,
  input: { program: ProgramRecord; arm: HillstromArm; offerCode: string; target: number; control: number; actor: ProgramActor },
): Promise<{ id: number; offerId: number }> {
  const spec = HILLSTROM_ARMS.find((a) => a.arm === input.arm)!
  return db.transaction().execute(async (tx) => {
    // Two imports at once on a server: the program's row lock lets one create the arm, the other find it.
    await lockProgramByCode(tx, input.program.code)
    const offerId = (await findLatestOffer(tx, input.offerCode))?.id
      ?? (await insertOfferVersion(tx, { code: input.offerCode, version: 1, content: offerContentSchema.parse({ name: spec.offerName, terms: 'Imported with the experiment: the e-mail itself is not in the data set.' }), author: { id: input.actor.id, login: input.actor.login } }))!
    const existing = await findWaveByOfferCode(tx, { programId: input.program.id, offerCode: input.offerCode })
    if (existing !== undefined) return { id: existing, offerId }
    const { version, policy } = await currentContactPolicy(tx)
    const applied = mergeContactPolicy(policy, contactPolicyOverridesSchema.parse(input.program.policyOverrides ?? {}))
    const id = await insertExperimentWave(tx, {
      programId: input.program.id,
      offerId,
      builtAt: HILLSTROM_SENT_AT,
      asOf: HILLSTROM_SENT_AT.slice(0, 10),
      policyVersion: version,
      policy: { ...applied, universalHoldout: await universalHoldout(tx), timeZone: await readBankTimeZone(tx) },
      seed: input.program.seed,
      controlShare: Number((input.control / (input.target + input.control)).toFixed(4)),
      target: input.target,
      control: input.control,
      builtBy: input.actor.id,
    })
    return { id, offerId }
  })
}

/**
 * One batch as columns. Each response goes to the wave attribution picks (core/response/attribute-response.ts):
 * a target member's to its arm's wave; a control member's, a member of both waves built at the same
 * moment, to the later one — the results count it for both arms by membership.
 */
function experimentBatch(programId: number, rows: readonly HillstromRow[], arms: readonly ArmWave[]): ExperimentBatch {
  const batch: ExperimentBatch = {
    programId,
    bankIds: [],
    names: [],
    members: { bankId: [], waveId: [], group: [] },
    contacts: { bankId: [], waveId: [], offerId: [], sentAt: HILLSTROM_SENT_AT },
    responses: { bankId: [], waveId: [], type: [], value: [], respondedAt: HILLSTROM_RESPONDED_AT },
  }
  for (const row of rows) {
    const bankId = hillstromBankId(row.row)
    batch.bankIds.push(bankId)
    batch.names.push(`Hillstrom customer ${row.row} (synthetic)`)
    const waves = row.group === 'control' ? arms : arms.filter((a) => a.arm === (row.group as { arm: HillstromArm }).arm)
    const group = row.group === 'control' ? 'control' : 'target'
    for (const wave of waves) {
      batch.members.bankId.push(bankId)
      batch.members.waveId.push(wave.wave)
      batch.members.group.push(group)
      if (group === 'target') {
        batch.contacts.bankId.push(bankId)
        batch.contacts.waveId.push(wave.wave)
        batch.contacts.offerId.push(wave.offerId)
      }
    }
    if (!row.visit) continue
    const attribution = attributeResponse({ respondedAt: HILLSTROM_RESPONDED_AT, memberships: waves.map((w) => ({ waveId: w.wave, builtAt: HILLSTROM_SENT_AT, group })) })
    if (!attribution.ok) continue
    const responses: [string, string | null][] = [['visit', null], ...(row.conversion ? [['conversion', row.spend] as [string, string]] : [])]
    for (const [type, value] of responses) {
      batch.responses.bankId.push(bankId)
      batch.responses.waveId.push(attribution.waveId)
      batch.responses.type.push(type)
      batch.responses.value.push(value)
    }
  }
  return batch
}
