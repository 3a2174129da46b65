import type { Kysely } from 'kysely'
import type { CallCard } from '../../contract/call-centre-schemas.ts'
import type { CallScript } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { canSee } from '../../core/clearance.ts'
import { DomainError } from '../../core/domain-error.ts'
import { maskPersonalData, maskPersonalValue } from '../../core/mask-personal-data.ts'
import { offerTemplateData } from '../../core/offer/offer-template-data.ts'
import { renderCallScript } from '../../core/offer/render-call-script.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findCallTaskFacts, listRecentComplaints, listRecentContacts } from '../../db/stores/call-card-store.ts'
import { findClientDetails, type ClientDetails } from '../../db/stores/client-card-store.ts'
import { findProgramOffer, type ProgramOffer } from '../../db/stores/offer-store.ts'
import type { TaskKey } from '../../db/stores/call-task-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import type { CallWaveContext } from './call-wave-context.ts'

export type ViewCallCardInput = { viewer: SessionUser; key: TaskKey; context: CallWaveContext; claimedAt: Date }

/**
 * The short card a call needs, masked for the viewer's role; the phone is shown masked to its last
 * digits whatever the role, and only a role cleared for phones gets the number to dial. The read is
 * an audit event like a client card's, written before the client's fields are read.
 */
export async function viewCallCard(db: Kysely<Schema>, input: ViewCallCardInput): Promise<CallCard> {
  const { viewer, key } = input
  const facts = await findCallTaskFacts(db, key)
  if (!facts) throw new DomainError('not_found', `No call task`, reason('call.task_not_found', { client: key.clientId, wave: key.waveId }))
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'client.view',
    entity: 'client',
    entityId: String(key.clientId),
    details: { via: 'call_centre', wave: key.waveId },
  })
  const client = await findClientDetails(db, key.clientId)
  if (!client) throw new DomainError('not_found', `No client ${key.clientId}`, reason('client.not_found', { id: key.clientId }))
  const [offer, recentContacts, complaints, utcOffset] = await Promise.all([
    findProgramOffer(db, facts.programId),
    listRecentContacts(db, key.clientId),
    listRecentComplaints(db, key.clientId),
    regionOffset(db, client.regionCode),
  ])
  const masked = maskPersonalData(viewer.role, client)
  return {
    task: {
      ...key,
      attempts: facts.attempts,
      maxAttempts: input.context.callPolicy.maxAttempts,
      lastTechnical: facts.lastTechnical,
      lastBusiness: facts.lastBusiness,
      callback: facts.callback,
      claimedAt: input.claimedAt.toISOString(),
    },
    client: {
      fullName: client.fullName,
      bankId: client.bankId,
      phoneMasked: client.phone ? maskPersonalValue('phone', client.phone) : null,
      dialNumber: client.phone && canSee(viewer.role, 'phone') ? `+${client.phone}` : null,
      birthDate: masked.birthDate,
      segment: client.segment,
      vip: client.vip,
      branchName: client.branchName,
      regionCode: client.regionCode,
      utcOffset,
    },
    offer: offer && cardOffer(offer, client, viewer),
    why: { programCode: facts.programCode, programName: facts.programName, goal: facts.goal, waveKind: facts.waveKind, selectionName: facts.selectionName, priority: facts.priority },
    recentContacts,
    complaints,
  }
}

function cardOffer(offer: ProgramOffer, client: ClientDetails, viewer: SessionUser): CallCard['offer'] {
  const template = offer.templates.find((t) => t.channel === 'call')
  let callScript: CallScript | null = null
  if (template) {
    const { data } = offerTemplateData({ client, offer, viewer: viewer.role, language: 'ru' })
    const rendered = renderCallScript({ template, data, language: 'ru' })
    callScript = rendered.ok ? rendered.callScript : { script: template.script, objections: template.objections }
  }
  return {
    code: offer.code,
    version: offer.version,
    name: offer.name,
    terms: offer.terms,
    rate: offer.rate,
    termMonths: offer.termMonths,
    amount: offer.amount,
    validUntil: offer.validUntil,
    callScript,
  }
}

async function regionOffset(db: Kysely<Schema>, regionCode: string | null): Promise<number> {
  if (!regionCode) return 3
  const row = await db.selectFrom('regions').select('utc_offset').where('code', '=', regionCode).executeTakeFirst()
  return row?.utc_offset ?? 3
}
