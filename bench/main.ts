// `npm run bench -- <benchmark> [options]`: one module per benchmark, each exporting run(args).
type Benchmark = { run(args: string[]): Promise<void> }

const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  import: () => import('./import-bench.ts'),
  selection: () => import('./selection-bench.ts'),
  search: () => import('./search-bench.ts'),
  send: () => import('./send-bench.ts'),
  attribution: () => import('./attribution-bench.ts'),
}

const [name, ...args] = process.argv.slice(2)
const load = name ? BENCHMARKS[name] : undefined
if (!load) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join('|')}> [options]\n`)
  process.exit(2)
}
try {
  await (await load()).run(args)
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`)
  process.exitCode = 1
}
