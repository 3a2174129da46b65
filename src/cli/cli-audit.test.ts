import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/open-database.ts'
import { runOtklikInProcess } from '../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../test/temp-files.ts'

// What the CLI does to the base is in the audit log as what the API does: imports, profile
// refreshes, counts, waves built and the access setting, each under the login 'cli:<system user>'.
const files = makeTempDir('otklik-cli-audit-')
afterAll(() => files.remove())
const dataDir = join(files.dir, 'data')

async function otklik(...args: string[]) {
  const result = await runOtklikInProcess({ env: { OTKLIK_DATA_DIR: dataDir, DATABASE_URL: '' }, args })
  expect(result.status, result.stderr).toBe(0)
}

describe('the CLI in the audit log', () => {
  it('records imports, profile refreshes, counts, waves and the branch scope setting', async () => {
    const rule = files.write('rule.json', JSON.stringify({ field: 'status', op: 'eq', value: 'active' }))
    await otklik('import', 'clients', files.write('clients.csv', 'bank_id;full_name;phone\nK1;Иванов Иван;89123456789\nK2;Петров Пётр;\n'))
    await otklik('profile', 'refresh')
    await otklik('selection', 'count', '--rule', rule)
    await otklik('wave', 'build', '--program', 'CLI', '--rule', rule, '--channel', 'letter')
    await otklik('access', 'branch-scope', 'region')
    const db = await openDatabase({ dataDir: join(dataDir, 'pglite') })
    try {
      const events = await db.kysely.selectFrom('audit_events').select(['action', 'login', 'details']).where('login', 'like', 'cli%').orderBy('id').execute()
      expect(events.map((e) => e.action)).toEqual(['import.create', 'profile.refresh', 'selection.count', 'wave.build', 'settings.branch_staff_scope'])
      expect(events[0]!.details).toMatchObject({ kind: 'clients', fileName: 'clients.csv', dryRun: false, status: 'done', loaded: 2, rejected: 0 })
      expect(events[2]!.details).toMatchObject({ rule: { field: 'status', op: 'eq', value: 'active' }, count: 2 })
      expect(events[3]!.details).toMatchObject({ program: 'CLI' })
      expect(JSON.stringify(events)).not.toContain('89123456789')
    } finally {
      await db.close()
    }
  })
})
