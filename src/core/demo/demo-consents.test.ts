import { describe, expect, it } from 'vitest'
import { demoTestClients } from '../../../test/demo-test-world.ts'
import { CHANNELS } from '../../contract/channels.ts'

const clients = demoTestClients(6, 10_000)

describe('demo consents', () => {
  it('records an answer per channel when the client joined, only for channels the bank can use', () => {
    const wrong = clients.filter(({ client, consents }) => CHANNELS.some((channel) => {
      const history = consents.filter((c) => c.channel === channel)
      const reachable = channel === 'email' ? client.email !== null : channel === 'letter' ? true : client.phone !== null
      if (history.length === 0) return reachable
      // The first answer is given on the day of joining, local time (UTC may be the day before).
      return !reachable || Math.abs(Date.parse(history[0].effectiveAt) - Date.parse(client.clientSince)) >= 86_400_000
    }))
    expect(wrong).toEqual([])
  })

  it('keeps each channel a history in time order, every event changing the answer', () => {
    const wrong = clients.filter(({ consents }) => CHANNELS.some((channel) => {
      const history = consents.filter((c) => c.channel === channel)
      return history.some((event, i) => event.recordedAt < event.effectiveAt ||
        (i > 0 && (event.effectiveAt <= history[i - 1].effectiveAt || event.granted === history[i - 1].granted)))
    }))
    expect(wrong).toEqual([])
    expect(clients.filter((c) => c.consents.length > new Set(c.consents.map((k) => k.channel)).size).length).toBeGreaterThan(500)
  })

  it('has opt-outs after an earlier grant for some clients, and most clients reachable by SMS', () => {
    const optedOut = clients.filter(({ consents }) => consents.some((c, i) => !c.granted && consents.slice(0, i).some((e) => e.channel === c.channel && e.granted)))
    expect(optedOut.length / clients.length).toBeGreaterThan(0.05)
    const smsNow = clients.filter(({ consents }) => consents.filter((c) => c.channel === 'sms').at(-1)?.granted).length / clients.length
    expect(smsNow).toBeGreaterThan(0.6)
    expect(smsNow).toBeLessThan(0.9)
  })
})
