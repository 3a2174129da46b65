import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import type { ResponseType } from '../../contract/response-types.ts'
import type { UpliftApproach } from '../../contract/uplift-approaches.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { CellValue } from '../../core/model/feature-encoder.ts'
import { incrementalProfitCurve, type IncrementalProfitCurve } from '../../core/model/incremental-profit-curve.ts'
import { trainUpliftModel, type TrainedUpliftModel } from '../../core/model/train-uplift-model.ts'
import { upliftScorer } from '../../core/model/uplift-model.ts'
import { UPLIFT_PROFILE_FEATURES } from '../../core/model/uplift-profile-features.ts'
import { attributionWindow } from '../../core/program/attribution-window.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import {
  finishUpliftScoring,
  insertUpliftModel,
  readProfileFeatures,
  readUpliftMembers,
  writeClientScores,
  type FeatureValues,
  type UpliftMemberRow,
} from '../../db/stores/uplift-model-store.ts'
import { findWave } from '../../db/stores/wave-query-store.ts'
import { recordAuditEvent, type AuditActor } from '../audit/record-audit-event.ts'

/** Rows per read and per write: each page is one short statement (DESIGN invariant 10). */
export const UPLIFT_PAGE_SIZE = 2000

export type TrainWaveUpliftModelInput = {
  waveId: number
  approach: UpliftApproach
  response: ResponseType
  /** The bank day ages and tenures count to. */
  today: string
  now: Date
  actor: AuditActor
  /** The product's margin per incremental response and the cost of a contact, ₽: the base's incremental-profit curve. */
  value?: { marginPerResponse: number; costPerContact: number }
  /** Called after each page of the base is scored. */
  onScored?: (scored: number) => void
}

export type WaveUpliftModel = {
  modelId: number
  version: number
  program: string
  wave: number
  trained: TrainedUpliftModel
  /** The members held out: every third by client id (index mod 3 = 0), the rest trained on. */
  heldOut: 'every third member by client id'
  scored: number
  /** Value-based targeting of the scored base, when a margin was given. */
  profit?: IncrementalProfitCurve
}

/**
 * `otklik model uplift`: trains an uplift model on a past wave's target and control (responded:
 * a response of the type counted for the program within its attribution window from the wave's
 * build, as its results count them) over the client profile, measures it on every third member
 * by client id, stores it as the program's next model version, scores every client of the base
 * page by page, and only then marks it scored — the newest scored model is the selections'
 * `uplift_score`. Audited once the work is done.
 */
export async function trainWaveUpliftModel(db: Kysely<Schema>, input: TrainWaveUpliftModelInput): Promise<WaveUpliftModel> {
  const wave = await findWave(db, input.waveId)
  if (!wave) throw new DomainError('not_found', `No wave ${input.waveId}`, reason('wave.not_found', { id: input.waveId }))
  const program = (await findProgramByCode(db, wave.programCode))!
  const window = attributionWindow({ builtAt: wave.builtAt, days: program.businessCase.attributionDays, now: input.now })
  const features = UPLIFT_PROFILE_FEATURES.map((f) => f.name)
  const members: UpliftMemberRow[] = []
  for (let after = 0; ; ) {
    const page = await readUpliftMembers(db, { waveId: wave.id, programId: program.id, type: input.response, from: window.from, until: window.until, today: input.today, features, after, limit: UPLIFT_PAGE_SIZE })
    members.push(...page)
    if (page.length < UPLIFT_PAGE_SIZE) break
    after = page[page.length - 1].clientId
  }
  const indexes = members.map((_, i) => i)
  const trained = trainUpliftModel({
    columns: UPLIFT_PROFILE_FEATURES.map((f) => ({ name: f.name, kind: f.kind, cells: members.map((m) => cellText(m.features[f.name])) })),
    treatment: members.map((m) => m.treated),
    outcome: members.map((m) => m.responded),
    split: { train: indexes.filter((i) => i % 3 !== 0), test: indexes.filter((i) => i % 3 === 0) },
    approach: input.approach,
  })
  const stored = await db.transaction().execute((tx) =>
    insertUpliftModel(tx, {
      programId: program.id,
      waveId: wave.id,
      responseType: input.response,
      approach: input.approach,
      model: trained.model,
      metrics: { measures: trained.measures, curves: trained.curves, nTrain: trained.nTrain, nTest: trained.nTest, window },
      trainedBy: input.actor.id,
      trainedByLogin: input.actor.login,
    }))
  const scores = await scoreBase(db, { modelId: stored.id, trained, today: input.today, onScored: input.onScored })
  const scored = scores.length
  await finishUpliftScoring(db, stored.id, scored)
  const profit = input.value ? incrementalProfitCurve({ scores, ...input.value, steps: 20 }) : undefined
  await recordAuditEvent(db, input.actor, {
    action: 'uplift_model.train',
    entity: 'uplift_model',
    entityId: String(stored.id),
    details: { program: program.code, wave: wave.id, version: stored.version, approach: input.approach, response: input.response, scored, qini: trained.measures.qiniAucScore },
  })
  return { modelId: stored.id, version: stored.version, program: program.code, wave: wave.id, trained, heldOut: 'every third member by client id', scored, profit }
}

async function scoreBase(db: Kysely<Schema>, input: { modelId: number; trained: TrainedUpliftModel; today: string; onScored?: (n: number) => void }): Promise<number[]> {
  const score = upliftScorer(input.trained.model)
  const features = UPLIFT_PROFILE_FEATURES.map((f) => f.name)
  const scores: number[] = []
  for (let after = 0; ; ) {
    const page = await readProfileFeatures(db, { today: input.today, features, after, limit: UPLIFT_PAGE_SIZE })
    const rows = page.map((row) => ({ clientId: row.clientId, score: score(cells(row.features)) }))
    await writeClientScores(db, input.modelId, rows)
    for (const row of rows) scores.push(row.score)
    input.onScored?.(scores.length)
    if (page.length < UPLIFT_PAGE_SIZE) return scores
    after = page[page.length - 1].clientId
  }
}

/** A profile fact as the encoder reads a cell: a number as written, an absent fact empty. */
function cellText(value: string | number | null): string {
  return value === null ? '' : String(value)
}

function cells(features: FeatureValues): Record<string, CellValue> {
  return Object.fromEntries(Object.entries(features).map(([name, value]) => [name, cellText(value)]))
}
