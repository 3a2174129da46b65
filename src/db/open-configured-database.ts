import { join } from 'node:path'
import type { Config } from '../config.ts'
import { migrate } from './migrate.ts'
import { openDatabase, type Database } from './open-database.ts'

/** Opens the database the config names and brings its schema up to date. */
export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = await openDatabase({ url: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') })
  await migrate(db)
  return db
}
