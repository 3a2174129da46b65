import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { CreateOfferBody, OfferDetail, OfferPreview, ReplaceOfferBody, offerList } from '../../../../src/contract/offer-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type OfferList = z.infer<typeof offerList>

/** The offer catalogue: every offer's newest version. */
export function useOffers() {
  return useQuery({ queryKey: ['offers'], queryFn: ({ signal }) => apiFetch<OfferList>('/api/offers', { signal }) })
}

export function useOffer(code: string | undefined) {
  return useQuery({
    queryKey: ['offer', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) => apiFetch<OfferDetail>(`/api/offers/${encodeURIComponent(code!)}`, { signal }),
  })
}

/** Creates an offer (no code yet known to the server) or appends its next version. */
export function useSaveOffer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { create: true; body: CreateOfferBody } | { create: false; code: string; body: ReplaceOfferBody }) =>
      input.create
        ? apiFetch<OfferDetail>('/api/offers', { method: 'POST', json: input.body })
        : apiFetch<OfferDetail>(`/api/offers/${encodeURIComponent(input.code)}`, { method: 'PUT', json: input.body }),
    onSuccess: (offer) => {
      queryClient.setQueryData(['offer', offer.code], offer)
      void queryClient.invalidateQueries({ queryKey: ['offers'] })
    },
  })
}

export function useApproveOffer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; version: number }) =>
      apiFetch<OfferDetail>(`/api/offers/${encodeURIComponent(input.code)}/approve`, { method: 'POST', json: { version: input.version } }),
    onSuccess: (offer) => {
      queryClient.setQueryData(['offer', offer.code], offer)
      void queryClient.invalidateQueries({ queryKey: ['offers'] })
    },
  })
}

export function useRetireOffer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; version: number; comment?: string }) =>
      apiFetch<OfferDetail>(`/api/offers/${encodeURIComponent(input.code)}/retire`, { method: 'POST', json: { version: input.version, ...(input.comment && { comment: input.comment }) } }),
    onSuccess: (offer) => {
      queryClient.setQueryData(['offer', offer.code], offer)
      void queryClient.invalidateQueries({ queryKey: ['offers'] })
      // Programs that name it now show it retired.
      void queryClient.invalidateQueries({ queryKey: ['program'] })
    },
  })
}

export function usePreviewOffer() {
  return useMutation({
    mutationFn: (input: { code: string; channel: string; clientId: number }) =>
      apiFetch<OfferPreview>(`/api/offers/${encodeURIComponent(input.code)}/preview`, { method: 'POST', json: { channel: input.channel, clientId: input.clientId } }),
  })
}
