import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runOtklikInProcess } from '../../test/run-otklik-in-process.ts'
import { makeTempDir } from '../../test/temp-files.ts'

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
      'otklik import hillstrom <file>',
      'otklik import history',
      'otklik selection count',
      'otklik profile refresh',
      'otklik wave build',
      'otklik wave rebuild <wave>',
      'otklik access branch-scope <scope>',
      'otklik program create',
      'otklik program case <code>',
      'otklik program results <code>',
      'otklik stats pilot-size',
      'otklik stats compare',
    ]) {
      expect(result.stdout).toContain(`  ${command}  — `)
    }
  })

  it('exits 2 on an unknown command', async () => {
    const result = await runOtklikInProcess({ env: {}, args: ['launch-rockets'] })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/unknown command/)
  })
})

describe('otklik --lang', () => {
  it.each([
    ['ru', /^otklik: Не удаётся прочитать файл .*missing\.json: ENOENT$/m],
    ['en', /^otklik: cannot read the rule file .*missing\.json: ENOENT$/m],
  ])('tells a refused input by its reason code in %s', async (lang, text) => {
    const temp = makeTempDir()
    try {
      const args = ['--lang', lang, 'selection', 'count', '--rule', join(temp.dir, 'missing.json')]
      const result = await runOtklikInProcess({ env: { DATABASE_URL: '', OTKLIK_DATA_DIR: join(temp.dir, 'data') }, args })
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(text)
    } finally {
      temp.remove()
    }
  })
})
