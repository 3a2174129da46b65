import { DEMO_BRANCHES } from '../src/core/demo/demo-branches.ts'
import { DEMO_REGIONS } from '../src/core/demo/demo-regions.ts'
import { createDemoWorld, type DemoWorld } from '../src/core/demo/demo-world.ts'
import { generateDemoClient, type DemoClient } from '../src/core/demo/generate-demo-client.ts'

export const DEMO_TEST_NOW = new Date('2026-11-26T12:00:00Z')

/** A demo world without a database: branch ids 1…30, personal managers 101, 102, … (one per region). */
export function demoTestWorld(seed: number): DemoWorld {
  return createDemoWorld({
    seed,
    now: DEMO_TEST_NOW,
    firstClientId: 1,
    branchIds: Object.fromEntries(DEMO_BRANCHES.map((b, i) => [b.code, i + 1])),
    personalManagers: DEMO_REGIONS.map((r, i) => ({ id: 101 + i, regionCode: r.code })),
    noteAuthorId: 1,
  })
}

/** The first `count` clients of a demo bank. */
export function demoTestClients(seed: number, count: number): DemoClient[] {
  const world = demoTestWorld(seed)
  return Array.from({ length: count }, (_, i) => generateDemoClient(world, i))
}
