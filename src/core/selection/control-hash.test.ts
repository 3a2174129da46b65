import { describe, expect, it } from 'vitest'
import { controlHash, isControl } from './control-hash.ts'

describe('controlHash', () => {
  // Known answer: md5("PRG-1:42") = 51b7935e… (python3 -c "import hashlib;print(hashlib.md5(b'PRG-1:42').hexdigest())")
  it('is the first 32 bits of md5("seed:id") over 2^32', () => {
    expect(controlHash('PRG-1', 42)).toBeCloseTo(parseInt('51b7935e', 16) / 2 ** 32, 12)
  })

  it('puts close to the requested share in control and depends on the seed', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => i + 1)
    const share = ids.filter((id) => isControl('seed-a', id, 0.1)).length / ids.length
    expect(share).toBeGreaterThan(0.09)
    expect(share).toBeLessThan(0.11)
    const same = ids.filter((id) => isControl('seed-a', id, 0.1) === isControl('seed-b', id, 0.1)).length
    expect(same).toBeLessThan(ids.length * 0.9)
  })
})
