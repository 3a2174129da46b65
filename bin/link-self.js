// `npx otklik …` inside this checkout must run this checkout's CLI, never a package of the same
// name from the registry: npm does not link a project's own bin into its node_modules/.bin.
import { mkdirSync, symlinkSync, rmSync, chmodSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const binDir = join(root, 'node_modules', '.bin')
const target = join(root, 'bin', 'otklik.js')
mkdirSync(binDir, { recursive: true })
rmSync(join(binDir, 'otklik'), { force: true })
symlinkSync(relative(binDir, target), join(binDir, 'otklik'))
chmodSync(target, 0o755)
