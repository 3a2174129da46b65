import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// An effect written `useEffect(() => something(), deps)` returns what something returns as its
// cleanup; when that is not a function (scrollIntoView returns a Promise in Chromium) React throws
// on the next render and the page goes blank (issue 6 item 2). Effects have block bodies.
const WEB = join(import.meta.dirname, '..', 'web', 'src')
const EXPRESSION_EFFECT = /\buse(?:Layout|Insertion)?Effect\(\s*(?:async\s*)?\(\s*\)\s*=>\s*(?![\s{])/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : []
  })
}

describe('web effects', () => {
  it('finds the pattern it guards against', () => {
    expect("useEffect(() => panel.current?.scrollIntoView(), [id])".match(EXPRESSION_EFFECT)).toHaveLength(1)
    expect('useEffect(() => {\n  setQ(q)\n}, [q])'.match(EXPRESSION_EFFECT)).toBeNull()
  })

  it('never return an expression as their cleanup', () => {
    const found = sources(WEB).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(EXPRESSION_EFFECT)].map((m) => `${relative(WEB, file)}: ${m[0]}`),
    )
    expect(found).toEqual([])
  })
})
