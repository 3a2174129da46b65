import { defineConfig } from 'vitest/config'

// Three projects: everything on embedded PGlite; the store and API tests (*.db.test.ts) again on
// the PostgreSQL server; and the browser tests in real Chromium.
const pgUrl = process.env.OTKLIK_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export default defineConfig({
  test: {
    // Generous: CLI tests start child processes that open a database, on a 2-core machine.
    testTimeout: 180_000,
    // A browser file's first hook builds the web UI (vite) while other files run: minutes on a loaded machine.
    hookTimeout: 300_000,
    // expect.poll waits for a loaded machine (two test files and their servers on two cores), not
    // for a fast one: a poll is never a speed assertion.
    expect: { poll: { timeout: 30_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          env: { OTKLIK_TEST_PG_URL: '' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          env: { OTKLIK_TEST_PG_URL: pgUrl },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.ts'],
          env: { OTKLIK_TEST_PG_URL: '' },
        },
      },
    ],
  },
})
