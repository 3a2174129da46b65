import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import type { ContactHistoryPage } from '../../../../src/contract/contact-history-schemas.ts'

/** Whose contacts: one wave, or every wave of a program. */
export type ContactHistorySource = { wave: number } | { program: string }

export type ContactHistoryFilter = { state?: string | undefined; channel?: string | undefined }

export function contactHistoryPath(source: ContactHistorySource): string {
  return 'wave' in source ? `/api/waves/${source.wave}/contacts` : `/api/programs/${encodeURIComponent(source.program)}/contacts`
}

/** One page of contacts, older than `before` (keyset: the API's `next` is the next page's `before`). */
export function useContactHistory(source: ContactHistorySource, filter: ContactHistoryFilter, before: number | undefined, limit: number) {
  return useQuery({
    queryKey: ['contact-history', source, filter, before, limit],
    queryFn: ({ signal }) => apiFetch<ContactHistoryPage>(`${contactHistoryPath(source)}${toQuery({ ...filter, before, limit })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}
