import type pino from 'pino'
import { openProfileMirror, type OpenProfileMirrorInput, type ProfileMirror } from './open-profile-mirror.ts'

export type OpenOptionalProfileMirrorInput = OpenProfileMirrorInput & { logger: Pick<pino.Logger, 'warn'> }

/**
 * The DuckDB mirror when DuckDB can be loaded, else undefined with one log line: DuckDB is an
 * optional speed-up (its native binary may be missing on the bank's platform), and without it
 * every count is answered by PostgreSQL with the same numbers.
 */
export async function openOptionalProfileMirror(input: OpenOptionalProfileMirrorInput): Promise<ProfileMirror | undefined> {
  try {
    return await openProfileMirror(input)
  } catch (err) {
    input.logger.warn({ err }, 'DuckDB is not available: live counts run on PostgreSQL')
    return undefined
  }
}
