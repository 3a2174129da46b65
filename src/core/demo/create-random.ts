// A small seeded pseudo-random generator (sfc32, from PractRand) for the demo bank: the same seeds
// give the same numbers on every machine, so a demo bank is reproducible from its seed.
export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number
  /** Uniform in [min, max). */
  between(min: number, max: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Standard normal (Box–Muller). */
  normal(): number
}

/**
 * A generator seeded by any number of non-negative integers, e.g. (bank seed, client index): each
 * client gets its own stream, so the rows of one client never depend on how the bank is chunked.
 */
export function createRandom(...seeds: readonly number[]): Random {
  let h = 0x6d2b79f5
  for (const seed of seeds) {
    h = fmix32(h ^ (seed >>> 0))
    h = fmix32((h + 0x9e3779b9) ^ (Math.floor(seed / 2 ** 32) >>> 0))
  }
  return new Sfc32(fmix32(h + 0x9e3779b9), fmix32(h + 0x3c6ef372), fmix32(h + 0xdaa66d2b))
}

// A class rather than closures: the demo bank creates one generator per client, millions of them.
class Sfc32 implements Random {
  private a: number
  private b: number
  private c: number
  private d = 1

  constructor(a: number, b: number, c: number) {
    this.a = a
    this.b = b
    this.c = c
    // sfc32 mixes its state poorly in the first outputs after seeding; the authors discard twelve.
    for (let i = 0; i < 12; i++) this.next()
  }

  next(): number {
    this.d = (this.d + 1) | 0
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next())
  }
}

// MurmurHash3's finaliser: spreads every input bit over all 32 output bits.
function fmix32(input: number): number {
  let h = input >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
