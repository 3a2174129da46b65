import { describe, expect, it } from 'vitest'
import { attributeEvent, inWindow, matchesRule, type AttributionEvent, type CandidateWave } from './attribute-event.ts'

const card: AttributionEvent = { respondedAt: '2026-03-10T12:00:00Z', type: 'conversion', productType: 'credit_card', source: 'import', value: null }
const deposit = (value: string | null, at = '2026-03-10T12:00:00Z'): AttributionEvent => ({ respondedAt: at, type: 'balance', productType: 'term_deposit', source: 'import', value })

// Program 1 sells credit cards (window 30 days), program 2 deposits of 50,000 ₽ and more (window 14).
const cards = (over: Partial<CandidateWave> = {}): CandidateWave => ({
  programId: 1, priority: 100, windowDays: 30, rules: [{ type: 'conversion', productType: 'credit_card' }], waveId: 11, group: 'target', builtAt: '2026-03-01T07:00:00Z', ...over,
})
const deposits = (over: Partial<CandidateWave> = {}): CandidateWave => ({
  programId: 2, priority: 100, windowDays: 14, rules: [{ type: 'balance', productType: 'term_deposit', minValue: '50000' }], waveId: 21, group: 'control', builtAt: '2026-03-05T07:00:00Z', ...over,
})

describe('the window is the verdict\'s: [built, built + days × 24 h)', () => {
  it.each([
    ['the last second of the window', '2026-03-31T06:59:59Z', true],
    ['the window closes 30 × 24 h after the wave was built', '2026-03-31T07:00:00Z', false],
    ['the instant the wave was built', '2026-03-01T07:00:00Z', true],
    ['a second before it', '2026-03-01T06:59:59Z', false],
  ] as const)('%s', (_name, at, expected) => {
    expect(inWindow({ respondedAt: at, builtAt: '2026-03-01T07:00:00Z', windowDays: 30 })).toBe(expected)
  })
})

describe('a rule', () => {
  it.each([
    ['type and product type', card, { type: 'conversion', productType: 'credit_card' }, true],
    ['another product type', card, { type: 'conversion', productType: 'debit_card' }, false],
    ['any product of the type', card, { type: 'conversion' }, true],
    ['another type', card, { type: 'application' }, false],
    ['the minimum itself counts', deposit('50000.00'), { type: 'balance', minValue: '50000' }, true],
    ['a kopeck short does not', deposit('49999.99'), { type: 'balance', minValue: '50000' }, false],
    ['no value cannot reach a minimum', deposit(null), { type: 'balance', minValue: '0.01' }, false],
    ['a source', { ...card, type: 'application', source: 'api' }, { type: 'application', source: 'import' }, false],
  ] as const)('%s', (_name, event, rule, expected) => {
    expect(matchesRule(event as AttributionEvent, rule)).toBe(expected)
  })
})

describe('attributeEvent', () => {
  it.each([
    ['the only matching program', card, [cards(), deposits()], { programId: 1, waveId: 11, group: 'target' }],
    ['a control member counts alike', card, [cards({ group: 'control' })], { programId: 1, waveId: 11, group: 'control' }],
    ['no rule matches: kept unattributed', { ...card, productType: 'mortgage' }, [cards(), deposits()], null],
    ['outside every window: kept unattributed', { ...card, respondedAt: '2026-05-01T00:00:00Z' }, [cards()], null],
    ['before the wave: unattributed', { ...card, respondedAt: '2026-02-01T00:00:00Z' }, [cards()], null],
    ['two programs match: the later wave (the last contact) wins',
      { ...card, respondedAt: '2026-03-10T00:00:00Z' },
      [cards(), cards({ programId: 3, waveId: 31, builtAt: '2026-03-04T07:00:00Z' })], { programId: 3, waveId: 31, group: 'target' }],
    ['the later wave wins only inside its own window',
      { ...card, respondedAt: '2026-03-20T00:00:00Z' },
      [cards(), cards({ programId: 3, waveId: 31, windowDays: 7, builtAt: '2026-03-04T07:00:00Z' })], { programId: 1, waveId: 11, group: 'target' }],
    ['waves built at the same instant: the smaller priority number',
      card, [cards({ priority: 50 }), cards({ programId: 3, waveId: 31, priority: 10 })], { programId: 3, waveId: 31, group: 'target' }],
    ['same instant and priority: the larger wave id', card, [cards({ waveId: 40 }), cards({ programId: 3, waveId: 31 })], { programId: 1, waveId: 40, group: 'target' }],
    ['a later wave of the same program takes over', card, [cards(), cards({ waveId: 12, group: 'control', builtAt: '2026-03-08T07:00:00Z' })], { programId: 1, waveId: 12, group: 'control' }],
    ['the deposit rule counts the big deposit', deposit('75000'), [cards(), deposits()], { programId: 2, waveId: 21, group: 'control' }],
    ['and not the small one', deposit('5000'), [cards(), deposits()], null],
    ['no candidates', card, [], null],
  ] as const)('%s', (_name, event, candidates, expected) => {
    expect(attributeEvent(event as AttributionEvent, candidates as readonly CandidateWave[])).toEqual(expected)
    // The order candidates arrive in never changes the answer.
    expect(attributeEvent(event as AttributionEvent, [...candidates].reverse() as readonly CandidateWave[])).toEqual(expected)
  })
})
