import { describe, expect, it } from 'vitest'
import { DEFAULT_CONTACT_POLICY } from './contact-policy.ts'
import type { ContactPolicy } from '../../contract/contact-policy.ts'
import { removedByPolicy, type ContactFacts, type PolicyCheck } from './removed-by-policy.ts'

// Known answers worked by hand for one client on 2026-03-15 (the bank in Moscow, UTC+3: that day
// runs from 2026-03-14T21:00Z to 2026-03-15T21:00Z).

const granted = { channel: 'sms', granted: true, effectiveAt: '2026-01-01T00:00:00Z', source: null }
const base: ContactFacts = { clientId: 1, status: 'active', doNotContact: false, consents: [granted], complaints: [], contacts: [], inOtherRunningProgram: false }
const policy: ContactPolicy = { ...DEFAULT_CONTACT_POLICY, channelCaps: { ...DEFAULT_CONTACT_POLICY.channelCaps, sms: { max: 1, days: 7 } }, complaintQuietDays: 0 }
const check: PolicyCheck = { channel: 'sms', policy, holdout: { share: 0, seed: 'h' }, includeHoldout: false, waveId: 9, asOf: '2026-03-15', timeZone: 'Europe/Moscow' }
const sms = (sentAt: string, extra: Partial<ContactFacts['contacts'][number]> = {}) => ({ channel: 'sms', sentAt, status: 'sent', waveId: null, ...extra })

describe('removedByPolicy', () => {
  it.each<[string, Partial<ContactFacts>, Partial<PolicyCheck>, string | null]>([
    ['a consenting active client', {}, {}, null],
    ['in the universal holdout', {}, { holdout: { share: 1, seed: 'h' } }, 'universal_holdout'],
    ['in the holdout, but the program includes it', {}, { holdout: { share: 1, seed: 'h' }, includeHoldout: true }, null],
    ['churned', { status: 'churned' }, {}, 'status'],
    ['do not contact', { doNotContact: true }, {}, 'do_not_contact'],
    ['no consent record', { consents: [] }, {}, 'consent'],
    ['a grant and a refusal at the same moment', { consents: [granted, { ...granted, granted: false }] }, {}, 'consent'],
    ['a grant that takes effect tomorrow in Moscow', { consents: [{ ...granted, effectiveAt: '2026-03-15T21:00:00Z' }] }, {}, 'consent'],
    ['a grant at 23:59 Moscow time', { consents: [{ ...granted, effectiveAt: '2026-03-15T20:59:00Z' }] }, {}, null],
    ['an open complaint', { complaints: [{ receivedAt: '2025-01-01T00:00:00Z', status: 'open', closedAt: null }] }, {}, 'complaint'],
    ['a complaint closed today, quiet period 0', { complaints: [{ receivedAt: '2026-03-01T00:00:00Z', status: 'closed', closedAt: '2026-03-14T21:30:00Z' }] }, {}, 'complaint'],
    ['a complaint closed yesterday in Moscow, quiet period 0', { complaints: [{ receivedAt: '2026-03-01T00:00:00Z', status: 'closed', closedAt: '2026-03-14T20:30:00Z' }] }, {}, null],
    ['an SMS six bank days ago', { contacts: [sms('2026-03-08T21:00:00Z')] }, {}, 'channel_cap'],
    ['an SMS seven bank days ago', { contacts: [sms('2026-03-08T20:59:00Z')] }, {}, null],
    ['a failed SMS', { contacts: [sms('2026-03-15T08:00:00Z', { status: 'failed' })] }, {}, null],
    ["this wave's own SMS", { contacts: [sms('2026-03-15T08:00:00Z', { waveId: 9 })] }, {}, null],
    ['four letters this month: the overall cap', { contacts: [1, 2, 3, 4].map((d) => ({ ...sms(`2026-03-0${d}T08:00:00Z`), channel: 'letter' })) }, {}, 'overall_cap'],
    ['in another running program', { inOtherRunningProgram: true }, {}, 'other_program'],
    ['in another running program, not excluded', { inOtherRunningProgram: true }, { policy: { ...policy, excludeOtherRunningPrograms: false } }, null],
  ])('%s → %s', (_what, facts, overrides, step) => {
    expect(removedByPolicy({ ...base, ...facts }, { ...check, ...overrides })).toBe(step)
  })
})
