import type { Database } from '../open-database.ts'

// One sender per wave at a time — overlapping runs are how Mautic double-sends (#2215). On a
// PostgreSQL server the sender holds a session advisory lock (this key, the wave's id) on a
// connection of its own for as long as it sends: a second `wave send` finds the lock taken and
// stops, and when a sender dies (SIGKILL, a lost machine) the server ends its session and the lock
// is free at once — no lease to wait out. PGlite belongs to one process (lock-data-dir.ts), so
// there the lock is a set of the waves this process is sending.
const WAVE_SEND_KEY = 0x6f746b02

export type WaveSendLock = { release(): Promise<void> }

const sendingHere = new Set<number>()

/** The wave's send lock, or undefined when another sender holds it. */
export async function tryLockWaveSend(db: Database, waveId: number): Promise<WaveSendLock | undefined> {
  if (db.kind === 'pglite') {
    if (sendingHere.has(waveId)) return undefined
    sendingHere.add(waveId)
    return { release: async () => void sendingHere.delete(waveId) }
  }
  const client = await db.pool.connect()
  const onError = () => undefined
  client.on('error', onError)
  const done = (destroy: boolean) => {
    client.off('error', onError)
    client.release(destroy)
  }
  try {
    const taken = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [WAVE_SEND_KEY, waveId])
    if (!taken.rows[0]?.locked) {
      done(false)
      return undefined
    }
  } catch (error) {
    done(true)
    throw error
  }
  return {
    async release() {
      try {
        await client.query('SELECT pg_advisory_unlock($1, $2)', [WAVE_SEND_KEY, waveId])
        done(false)
      } catch {
        done(true)
      }
    },
  }
}
