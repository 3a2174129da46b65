import type { Kysely } from 'kysely'
import { compileRule, type CompiledRule } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import { breakdownMirror } from '../../db/columnar/breakdown-mirror.ts'
import type { ProfileMirror } from '../../db/columnar/open-profile-mirror.ts'
import type { Schema } from '../../db/schema.ts'
import { readProfileVersion } from '../../db/stores/profile-store.ts'
import { breakdownProfile, type SelectionBreakdown } from '../../db/stores/selection-store.ts'
import { loadCompileContext } from './load-compile-context.ts'

/** Where counts run: PostgreSQL always; the DuckDB mirror of the profile when there is one. */
export type SelectionEngines = { db: Kysely<Schema>; mirror?: ProfileMirror }

export type CountSelectionInput = { rule: unknown; today: string }

export type SelectionCount = SelectionBreakdown & {
  /** The engine that answered: the mirror when it holds the current profile, else PostgreSQL. */
  engine: 'duckdb' | 'postgres'
}

/** The live count of a rule with its breakdown by segment, region and reachable channel. */
export async function countSelection(engines: SelectionEngines, input: CountSelectionInput): Promise<SelectionCount> {
  const rule = parseRule(input.rule)
  const [context, version] = await Promise.all([
    loadCompileContext(engines.db, rule, input.today),
    engines.mirror ? readProfileVersion(engines.db) : null,
  ])
  const compiled = compileRule(rule, context)
  const fromMirror = await countOnMirror(engines, compiled, version)
  if (fromMirror) return fromMirror
  return { ...(await breakdownProfile(engines.db, compiled)), engine: 'postgres' }
}

// The mirror answers only from the profile version PostgreSQL holds now; while it is behind (a
// refresh just committed, or it is still loading) PostgreSQL answers and the mirror catches up.
async function countOnMirror(engines: SelectionEngines, compiled: CompiledRule, version: string | null): Promise<SelectionCount | null> {
  const { mirror } = engines
  if (!mirror || compiled.needsPostgres || version === null) return null
  const snapshot = mirror.snapshot()
  if (snapshot?.version !== version) {
    mirror.syncInBackground()
    return null
  }
  return { ...(await breakdownMirror(mirror, snapshot, engines.db, compiled)), engine: 'duckdb' }
}
