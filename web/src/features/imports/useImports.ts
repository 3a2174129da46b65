import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch, toQuery } from '../../api/api-fetch.ts'
import { isImportActive, type ImportList } from './import-types.ts'

/** The import history, newest first. */
export function useImports(page: { offset: number; limit: number }) {
  return useQuery({
    queryKey: ['imports', page],
    queryFn: ({ signal }) => apiFetch<ImportList>(`/api/imports${toQuery(page)}`, { signal }),
    placeholderData: keepPreviousData,
    // While any import waits or runs, the history keeps its counts fresh.
    refetchInterval: (query) => (query.state.data?.items.some((item) => isImportActive(item.status)) ? 2000 : false),
  })
}
