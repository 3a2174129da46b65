import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { CallBoard, CallCard, CallOperatorList, CallOutcomeResult, callbackList } from '../../../../src/contract/call-centre-schemas.ts'
import type { BusinessOutcome, DoNotCallScope, TechnicalOutcome } from '../../../../src/contract/call-outcomes.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type CallbackLine = z.infer<typeof callbackList>[number]

/** The operator's next client: asking claims one (the server holds it for this operator until its outcome). */
export function useNextCall() {
  return useQuery({
    queryKey: ['call-centre', 'next'],
    queryFn: ({ signal }) => apiFetch<{ card: CallCard | null }>('/api/call-centre/next', { signal }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  })
}

export type OutcomeInput = {
  clientId: number
  waveId: number
  technical: TechnicalOutcome
  business: BusinessOutcome | null
  callbackAt: string | null
  onlyMe: boolean
  doNotCall: DoNotCallScope | null
  note: string | null
}

export function useRecordOutcome() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: OutcomeInput) => apiFetch<CallOutcomeResult>('/api/call-centre/outcome', { method: 'POST', json: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['call-centre'] })
    },
  })
}

export function useCallbacks() {
  return useQuery({ queryKey: ['call-centre', 'callbacks'], queryFn: ({ signal }) => apiFetch<CallbackLine[]>('/api/call-centre/callbacks', { signal }) })
}

export function useCallBoard() {
  return useQuery({ queryKey: ['call-centre', 'board'], queryFn: ({ signal }) => apiFetch<CallBoard>('/api/call-centre/board', { signal }), refetchInterval: 30_000 })
}

/** The active operators by name (GET /api/call-centre/operators): whom a call list is dealt to. */
export function useCallOperators() {
  return useQuery({ queryKey: ['call-operators'], queryFn: ({ signal }) => apiFetch<CallOperatorList>('/api/call-centre/operators', { signal }) })
}
