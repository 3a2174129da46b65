import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { CallAnalysis, CallList } from '../../../../src/contract/call-log-schemas.ts'
import type { CallLogOutcome } from '../../../../src/contract/call-log.ts'
import { apiFetch } from '../../api/api-fetch.ts'

/** A period of bank days; '' for an end the server fills in (the last 30 days up to today). */
export type CallPeriod = { from: string; to: string }

export type CallListFilter = CallPeriod & { reason: string | null; outcome: CallLogOutcome | null; repeated: boolean; offset: number; limit: number }

function search(params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') query.set(name, String(value))
  const text = query.toString()
  return text ? `?${text}` : ''
}

/** GET /api/calls/analysis: volume, handle time, first-call resolution, outcomes for the period. */
export function useCallAnalysis(period: CallPeriod) {
  return useQuery({
    queryKey: ['calls', 'analysis', period],
    queryFn: ({ signal }) => apiFetch<CallAnalysis>(`/api/calls/analysis${search(period)}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

/** GET /api/calls: the period's calls, newest first, each linked to its client. */
export function useCalls(filter: CallListFilter) {
  const { repeated, ...rest } = filter
  return useQuery({
    queryKey: ['calls', 'list', filter],
    queryFn: ({ signal }) => apiFetch<CallList>(`/api/calls${search({ ...rest, repeated: repeated ? 'true' : null })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
