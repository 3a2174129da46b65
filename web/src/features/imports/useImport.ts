import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { apiFetch } from '../../api/api-fetch.ts'
import { isImportActive, type ImportJob } from './import-types.ts'

const POLL_MS = 1000

/** One import; polled every second while it waits or runs. */
export function useImport(id: number | null) {
  const queryClient = useQueryClient()
  const query = useQuery({
    queryKey: ['import', id],
    queryFn: ({ signal }) => apiFetch<ImportJob>(`/api/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (current) => (isImportActive(current.state.data?.status) ? POLL_MS : false),
  })
  const status = query.data?.status
  // When it finishes, the history shows the final counts too.
  useEffect(() => {
    if (status && !isImportActive(status)) void queryClient.invalidateQueries({ queryKey: ['imports'] })
  }, [status, queryClient])
  return query
}
