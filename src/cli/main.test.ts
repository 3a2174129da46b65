import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '../..')

describe('otklik --help', () => {
  it('lists every command with its arguments, and exits 0', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/otklik.js'), '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(result.status).toBe(0)
    for (const command of [
      'otklik start',
      'otklik demo',
      'otklik import clients <file>',
      'otklik import berka <dir>',
      'otklik import history',
      'otklik selection count',
      'otklik profile refresh',
      'otklik wave build',
      'otklik wave rebuild <wave>',
    ]) {
      expect(result.stdout).toContain(`  ${command}  — `)
    }
  })

  it('exits 2 on an unknown command', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin/otklik.js'), 'launch-rockets'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/unknown command/)
  })
})
