import type { Kysely } from 'kysely'
import { DomainError } from '../../core/domain-error.ts'
import { compileRule, type CompiledRule } from '../../core/selection/compile-rule.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Rule } from '../../contract/rule.ts'
import { breakdownMirror } from '../../db/columnar/breakdown-mirror.ts'
import type { ProfileMirror, ProfileMirrorSnapshot } from '../../db/columnar/open-profile-mirror.ts'
import type { Schema } from '../../db/schema.ts'
import { readProfileVersion } from '../../db/stores/profile-state-store.ts'
import type { SelectionBreakdown } from '../../core/selection/sum-breakdown-groups.ts'
import { breakdownProfile } from '../../db/stores/selection-store.ts'
import { loadCompileContext } from './load-compile-context.ts'
import { loadSavedSelections } from './load-saved-selections.ts'
import { catchUpProfile } from './update-profile.ts'

/** Where counts run: PostgreSQL always; the DuckDB mirror of the profile when there is one. */
export type SelectionEngines = { db: Kysely<Schema>; mirror?: ProfileMirror }

export type CountSelectionInput = { rule: unknown; today: string }

export type SelectionCount = SelectionBreakdown & {
  /** The engine that answered: the mirror when it holds the current profile, else PostgreSQL. */
  engine: 'duckdb' | 'postgres'
}

// A count first refreshes the clients still waiting after a small import or change (a few short
// batches), so that they are in it; after a big one it answers from the last consistent profile
// while the import's own update catches up.
const CATCH_UP_CLIENTS = 5_000

/** The live count of a rule with its breakdown by segment, region and reachable channel. */
export async function countSelection(engines: SelectionEngines, input: CountSelectionInput): Promise<SelectionCount> {
  const rule = parseRule(input.rule)
  await catchUpProfile(engines.db, CATCH_UP_CLIENTS)
  const fromMirror = engines.mirror ? await countOnMirror(engines.db, engines.mirror, rule, input.today) : null
  if (fromMirror) return fromMirror
  const compiled = compileRule(rule, await loadCompileContext(engines.db, rule, input.today))
  return { ...(await breakdownProfile(engines.db, compiled)), engine: 'postgres' }
}

// The mirror answers only from the consistent profile version PostgreSQL holds now. The version is
// read while DuckDB counts (the answer is dropped if they differ), so the check costs no waiting.
// While the mirror is behind (a refresh just finished, or it is still loading) PostgreSQL answers
// and the mirror catches up in the background; while a refresh is under way the consistent version
// stays the last one, so the mirror keeps answering. The count holds a lease on its snapshot from
// the moment it takes it, so a load finishing meanwhile cannot drop the table under it.
async function countOnMirror(db: Kysely<Schema>, mirror: ProfileMirror, rule: Rule, today: string): Promise<SelectionCount | null> {
  const lease = mirror.acquire()
  if (!lease) {
    mirror.syncInBackground()
    return null
  }
  try {
    const { snapshot } = lease
    const compiled = compileOnSnapshot(rule, snapshot, { today, selections: await loadSavedSelections(db, rule) })
    if (!compiled) {
      mirror.syncInBackground()
      return null
    }
    if (compiled.needsPostgres) return null
    const [version, answer] = await Promise.all([readProfileVersion(db), breakdownMirror(mirror, snapshot, db, compiled)])
    if (version === snapshot.version) return { ...answer, engine: 'duckdb' }
    mirror.syncInBackground()
    return null
  } finally {
    lease.release()
  }
}

// Compiled with the snapshot's product bits; a product the snapshot does not know may be newer
// than the copy, so PostgreSQL (with the current bits) decides whether the rule is wrong.
function compileOnSnapshot(
  rule: Rule,
  snapshot: ProfileMirrorSnapshot,
  context: { today: string; selections: Map<number, Rule> },
): CompiledRule | null {
  try {
    return compileRule(rule, { ...context, productBits: snapshot.productBits })
  } catch (error) {
    if (error instanceof DomainError) return null
    throw error
  }
}
