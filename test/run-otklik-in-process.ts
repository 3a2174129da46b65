import { runCli } from '../src/cli/run-cli.ts'
import { lastJsonLine, type OtklikInput, type OtklikRun } from './spawn-otklik.ts'

/**
 * Runs `otklik …` inside the test's own process, as a script would see it: what the command writes
 * to stdout and stderr and the exit code it leaves. The same code path as the executable after its
 * start-up (src/cli/main.ts only calls runCli), without the seconds of starting node and loading
 * every command: a file keeps one real spawn to prove the executable itself.
 * Commands run one at a time: stdout, stderr and the exit code are the process's own.
 */
export async function runOtklikInProcess(input: Pick<OtklikInput, 'env' | 'args'>): Promise<OtklikRun> {
  const saved = Object.fromEntries(['LOG_LEVEL', ...Object.keys(input.env)].map((key) => [key, process.env[key]]))
  const out: string[] = []
  const err: string[] = []
  const writeOut = process.stdout.write
  const writeErr = process.stderr.write
  process.stdout.write = capture(out)
  process.stderr.write = capture(err)
  Object.assign(process.env, { LOG_LEVEL: 'warn', ...input.env })
  process.exitCode = undefined
  try {
    await runCli(['node', 'otklik', ...input.args])
  } finally {
    process.stdout.write = writeOut
    process.stderr.write = writeErr
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
  const status = Number(process.exitCode ?? 0)
  // The test process itself must not end with the command's failure.
  process.exitCode = undefined
  const stdout = out.join('')
  return { status, stdout, stderr: err.join(''), json: () => lastJsonLine(stdout) }
}

function capture(into: string[]): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined
    done?.()
    return true
  }) as typeof process.stdout.write
}
