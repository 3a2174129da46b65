import { describe, expect, it } from 'vitest'
import { isStopReply } from './is-stop-reply.ts'

describe('a STOP reply', () => {
  it.each(['STOP', 'stop', ' Стоп! ', 'СТОП.', 'отписка', 'Отписаться', 'unsubscribe', '"stop"'])('%j opts out', (text) => {
    expect(isStopReply(text)).toBe(true)
  })
  it.each(['стоп, а какой процент?', 'не стоп', 'STOPS', '', 'Да', 'остановите'])('%j does not', (text) => {
    expect(isStopReply(text)).toBe(false)
  })
})
