import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import type { PilotScope } from '../../contract/wave-schemas.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import type { BuildWaveInput } from './build-wave.ts'

/**
 * The pilot's cut of the selection as the wave records it, or null for the whole selection. Every
 * branch or region must exist: the first unknown one is refused, named with its place in the list
 * (`scope.branches[1]`), since a pilot in a misspelt branch would silently have no members there.
 */
export async function checkPilotScope(db: Kysely<Schema>, input: Pick<BuildWaveInput, 'sample' | 'scope'>): Promise<PilotScope | null> {
  const { sample, scope } = input
  if (!sample && !scope) return null
  if (scope && 'branches' in scope) {
    const known = new Set((await db.selectFrom('branches').select('code').where('code', 'in', [...scope.branches]).execute()).map((b) => b.code))
    const index = scope.branches.findIndex((code) => !known.has(code))
    if (index >= 0) throw unknown('wave.unknown_branch', `scope.branches[${index}]`, scope.branches[index]!)
  }
  if (scope && 'regions' in scope) {
    const known = new Set((await db.selectFrom('regions').select('code').where('code', 'in', [...scope.regions]).execute()).map((r) => r.code))
    const index = scope.regions.findIndex((code) => !known.has(code))
    if (index >= 0) throw unknown('wave.unknown_region', `scope.regions[${index}]`, scope.regions[index]!)
  }
  return { ...(sample && { sample: { size: sample.size } }), ...scope && ('branches' in scope ? { branches: [...scope.branches] } : { regions: [...scope.regions] }) }
}

function unknown(code: 'wave.unknown_branch' | 'wave.unknown_region', path: string, value: string): DomainError {
  return new DomainError('invalid_input', `No ${code === 'wave.unknown_branch' ? 'branch' : 'region'} ${value} (${path})`, reason(code, { path, value }))
}
