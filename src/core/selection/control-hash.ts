import { createHash } from 'node:crypto'

// Membership in a control group (and in the universal holdout) is a deterministic hash of a seed
// and the client id: the first 32 bits of md5("seed:clientId") as a fraction of 2^32. A client is
// in control when the fraction is below the control share. The same formula runs in SQL
// (db/stores/control-hash-sql.ts) and is tested to agree; re-running a wave or adding clients
// never moves anyone, because nothing but the seed and the id goes in.
export function controlHash(seed: string, clientId: number): number {
  const hex = createHash('md5').update(`${seed}:${clientId}`).digest('hex').slice(0, 8)
  return parseInt(hex, 16) / 2 ** 32
}

export function isControl(seed: string, clientId: number, share: number): boolean {
  return controlHash(seed, clientId) < share
}
