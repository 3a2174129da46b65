import { sql, type RawBuilder } from 'kysely'

/** SQL twin of core/selection/control-hash.ts: first 32 bits of md5("seed:id") over 2^32. */
export function controlHashSql(seed: string, clientId: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(('x' || substr(md5(${seed} || ':' || ${clientId}::text), 1, 8))::bit(32)::bigint / 4294967296.0)`
}
