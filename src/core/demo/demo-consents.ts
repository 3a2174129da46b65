import type { Random } from './create-random.ts'
import { isoTimestamp, yearOf } from './day-number.ts'
import type { DemoClientProfile } from './demo-client-profile.ts'
import { weightedChoice } from './weighted-choice.ts'
import { CHANNELS, type Channel } from '../../contract/channels.ts'


export type DemoConsent = {
  channel: Channel
  granted: boolean
  /** ISO timestamps (UTC). */
  effectiveAt: string
  source: string
  recordedAt: string
}

// *Typical* answers on the account-opening form, and how often a consent is withdrawn later.
const GRANT_CHANCE: Record<Channel, number> = { email: 0.7, sms: 0.85, call: 0.65, letter: 0.9 }
const OPT_OUT_CHANCE: Record<Channel, number> = { email: 0.12, sms: 0.08, call: 0.15, letter: 0.04 }
const OPT_OUT_SOURCE: Record<Channel, string> = { email: 'unsubscribe_link', sms: 'sms_stop', call: 'call_centre', letter: 'branch_form' }
const LATE_GRANT_CHANCE = 0.12
const REGRANT_CHANCE = 0.15
const onlineSource = weightedChoice([['branch_form', 60], ['mobile_app', 25], ['website', 15]] as const)
const FORMS_ONLY_BEFORE_YEAR = 2016

type History = { random: Random; p: DemoClientProfile; channel: Channel; day: number; granted: boolean; rows: DemoConsent[] }

/**
 * The consent history per channel: the answer given when the client joined, then for some a later
 * opt-out (sometimes granted again) or a late grant. Channels the bank has no contact for are absent.
 */
export function demoConsents(random: Random, p: DemoClientProfile, today: number): DemoConsent[] {
  const rows: DemoConsent[] = []
  const firstSource = yearOf(p.sinceDay) >= FORMS_ONLY_BEFORE_YEAR ? onlineSource(random) : 'branch_form'
  for (const channel of CHANNELS) {
    if (channel === 'email' && !p.email) continue
    if ((channel === 'sms' || channel === 'call') && !p.phone) continue
    const history: History = { random, p, channel, day: p.sinceDay, granted: false, rows }
    record(history, p.sinceDay, random.chance(GRANT_CHANCE[channel]), firstSource)
    const wasGranted = history.granted
    if (later(history, today, wasGranted ? OPT_OUT_CHANCE[channel] : LATE_GRANT_CHANCE)) {
      record(history, history.day, !wasGranted, wasGranted ? OPT_OUT_SOURCE[channel] : 'mobile_app')
      if (wasGranted && later(history, today, REGRANT_CHANCE)) record(history, history.day, true, 'mobile_app')
    }
    // Some clients who leave ask the bank to stop calling.
    const statusDay = p.statusDay
    if (p.status === 'churned' && channel === 'call' && history.granted && statusDay !== null && statusDay > history.day && random.chance(0.3)) {
      record(history, statusDay, false, 'call_centre')
    }
  }
  return rows
}

function record(history: History, day: number, granted: boolean, source: string): void {
  const { random, p } = history
  const minute = random.int(9 * 60, 20 * 60 - 1) - p.region.utcOffset * 60
  // Paper forms are keyed in a day or three after the client signed them.
  const lag = source === 'branch_form' ? random.int(0, 3 * 24 * 60) : random.int(0, 5)
  history.rows.push({ channel: history.channel, granted, source, effectiveAt: isoTimestamp(day, minute), recordedAt: isoTimestamp(day, minute + lag) })
  history.day = day
  history.granted = granted
}

/** Whether something happens on the channel later (at least a month after the last event, before
 * today); moves the history's day there when it does. */
function later(history: History, today: number, chance: number): boolean {
  if (history.day + 30 >= today || !history.random.chance(chance)) return false
  history.day = history.random.int(history.day + 30, today - 1)
  return true
}
