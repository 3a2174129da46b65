import { describe, expect, it } from 'vitest'
import { splitStratified } from './split-stratified.ts'

const labels = Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0))

describe('splitStratified', () => {
  it('holds out round(share × size) of each class, so both parts keep the rate', () => {
    const split = splitStratified({ labels, testShare: 0.3, seed: 42 })
    expect(split.test).toHaveLength(300)
    expect(split.train).toHaveLength(700)
    expect(split.test.filter((i) => labels[i] === 1)).toHaveLength(60)
    expect(split.train.filter((i) => labels[i] === 1)).toHaveLength(140)
    expect([...split.train, ...split.test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i))
  })

  it('gives the same split for the same seed and another for another seed', () => {
    const once = splitStratified({ labels, testShare: 0.3, seed: 7 })
    expect(splitStratified({ labels, testShare: 0.3, seed: 7 })).toEqual(once)
    expect(splitStratified({ labels, testShare: 0.3, seed: 8 }).test).not.toEqual(once.test)
  })

  it('keeps at least one row of each class on each side', () => {
    const few = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    const tiny = splitStratified({ labels: few, testShare: 0.01, seed: 1 })
    expect(tiny.test.filter((i) => few[i] === 1)).toHaveLength(1)
    const huge = splitStratified({ labels: few, testShare: 0.99, seed: 1 })
    expect(huge.train.filter((i) => few[i] === 1)).toHaveLength(1)
    expect(huge.train.filter((i) => few[i] === 0)).toHaveLength(1)
  })
})
