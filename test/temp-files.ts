import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A temporary directory for one test file's inputs; remove() deletes it and everything in it. */
export function makeTempDir(prefix = 'otklik-test-'): { dir: string; write(name: string, content: string | Buffer): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {
    dir,
    write(name, content) {
      const path = join(dir, name)
      writeFileSync(path, content)
      return path
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
