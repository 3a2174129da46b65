import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import { contactPolicySchema, type ContactPolicy } from '../../contract/contact-policy.ts'
import type { OfferChannel } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { prepareOfferTemplates, type PreparedTemplates } from '../../core/offer/prepare-offer-templates.ts'
import type { Schema } from '../../db/schema.ts'
import { findOfferVersion, findProgramOffer, type OfferVersion } from '../../db/stores/offer-store.ts'
import { findWaveForSending, type WaveForSending } from '../../db/stores/wave-send-store.ts'
import type { ContactChannel } from '../channels/contact-channel.ts'

export type WaveSendPlan = {
  wave: WaveForSending
  channel: ContactChannel
  offer: OfferVersion
  templates: PreparedTemplates
  policy: ContactPolicy
  timeZone: string
}

const SETTING: Partial<Record<Channel, string>> = { email: 'SMTP_URL', sms: 'SMS_GATEWAY_URL', letter: 'wave print --out' }

/**
 * Everything a wave's send needs, checked before anything is queued: a channel that can send, the
 * program running the wave's kind (a pilot is sent in `pilot`, a rollout in `rollout`), and its
 * approved offer with a template for the channel, valid today. A wave that began sending keeps the
 * offer version it began with (frozen on the wave), so an edit made meanwhile never changes a
 * message halfway through a wave.
 */
export async function prepareWaveSend(db: Kysely<Schema>, input: { waveId: number; channels: Partial<Record<Channel, ContactChannel>>; today: string }): Promise<WaveSendPlan> {
  const wave = await findWaveForSending(db, input.waveId)
  if (!wave) throw new DomainError('not_found', `No wave ${input.waveId}`, reason('wave.not_found', { id: input.waveId }))
  const setting = SETTING[wave.channel]
  if (!setting) throw new DomainError('invalid_input', `A ${wave.channel} wave is not sent`, reason('wave.channel_not_sent', { channel: wave.channel }))
  const channel = input.channels[wave.channel]
  // Letters have no provider to configure: only the print batch (printLetterWave) opens their channel.
  if (!channel && wave.channel === 'letter') throw new DomainError('invalid_input', 'A letter wave is printed', reason('wave.channel_not_sent', { channel: wave.channel }))
  if (!channel) throw new DomainError('invalid_input', `${setting} is not set`, reason('wave.channel_not_configured', { channel: wave.channel, setting }))
  const needed = wave.kind === 'pilot' ? 'pilot' : 'rollout'
  if (wave.programStatus !== needed) {
    throw new DomainError('conflict', `The program is ${wave.programStatus}`, reason('wave.program_not_running', { status: wave.programStatus, needed }))
  }
  const offer = await waveOffer(db, wave, input.today)
  const template = offer.templates.find((t) => t.channel === (wave.channel as OfferChannel))
  if (!template) throw new DomainError('invalid_input', `Offer ${offer.code} has no ${wave.channel} template`, reason('offer.no_template', { channel: wave.channel }))
  const prepared = prepareOfferTemplates(template, wave.channel as OfferChannel, 'ru')
  if (!prepared.ok) throw new DomainError('invalid_input', `The ${wave.channel} template of ${offer.code} does not parse`, { ...prepared.reason, channel: wave.channel })
  const frozen = wave.policy as ContactPolicy & { timeZone: string }
  return { wave, channel, offer, templates: prepared.prepared, policy: contactPolicySchema.parse(pick(frozen)), timeZone: frozen.timeZone }
}

function pick(policy: ContactPolicy): ContactPolicy {
  return {
    channelCaps: policy.channelCaps,
    overallCap: policy.overallCap,
    complaintQuietDays: policy.complaintQuietDays,
    excludeOtherRunningPrograms: policy.excludeOtherRunningPrograms,
  }
}

async function waveOffer(db: Kysely<Schema>, wave: WaveForSending, today: string): Promise<OfferVersion> {
  if (wave.offerId !== null) {
    const frozen = await findOfferVersion(db, wave.offerId)
    if (frozen) return frozen
  }
  const offer = await findProgramOffer(db, wave.programId)
  if (!offer) throw new DomainError('invalid_input', `Program ${wave.programCode} has no offer`, reason('wave.no_offer', { program: wave.programCode }))
  if (!offer.approved) {
    throw new DomainError('invalid_input', `Offer ${offer.code} v${offer.version} is not approved`, reason('wave.offer_not_approved', { offer: offer.code, version: offer.version }))
  }
  if ((offer.validFrom && today < offer.validFrom) || (offer.validUntil && today > offer.validUntil)) {
    throw new DomainError('invalid_input', `Offer ${offer.code} is not valid on ${today}`, {
      ...reason('wave.offer_not_valid', { offer: offer.code, validFrom: offer.validFrom ?? '—', validUntil: offer.validUntil ?? '—' }),
    })
  }
  return offer
}
