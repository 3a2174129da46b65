import { useMemo } from 'react'
import { useWaves } from './useWaves.ts'

/** The codes of the programs whose waves were built lately, for staff to pick rather than recall. */
export function useProgramCodes(): string[] {
  const recent = useWaves({ limit: 100, offset: 0 })
  return useMemo(() => [...new Set((recent.data?.items ?? []).map((w) => w.programCode))].sort(), [recent.data])
}
