import { hostname } from 'node:os'

/** Who runs an import, for the history: a run whose process is gone is marked interrupted. */
export function importOwner(): string {
  return `pid ${process.pid} on ${hostname()}`
}
