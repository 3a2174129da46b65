import { useCallback, useMemo } from 'react'
import { useSearchParams } from 'react-router-dom'
import type { ClientFilters } from './client-types.ts'

const DEFAULT_LIMIT = 50

/**
 * The search and filters live in the address bar, so that Back from a client card returns to the
 * same page of the same search, and a search can be bookmarked.
 */
export function useClientFilters(): [ClientFilters, (change: Partial<ClientFilters>) => void] {
  const [params, setParams] = useSearchParams()
  const filters = useMemo<ClientFilters>(
    () => ({
      q: params.get('q') ?? '',
      branch: params.get('branch') ?? '',
      segment: params.get('segment') ?? '',
      status: params.get('status') ?? '',
      vip: params.get('vip') ?? '',
      sort: params.get('sort') ?? '',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
      offset: Math.max(0, Number(params.get('offset')) || 0),
      limit: Number(params.get('limit')) || DEFAULT_LIMIT,
    }),
    [params],
  )
  const change = useCallback(
    (patch: Partial<ClientFilters>) => {
      const next: ClientFilters = { ...filters, ...patch }
      // A new search or filter starts from the first page.
      if (!('offset' in patch)) next.offset = 0
      const query = new URLSearchParams()
      for (const [key, value] of Object.entries(next)) {
        if (value === '' || (key === 'offset' && value === 0) || (key === 'limit' && value === DEFAULT_LIMIT)) continue
        if (key === 'order' && (!next.sort || value === 'asc')) continue
        query.set(key, String(value))
      }
      setParams(query, { replace: false })
    },
    [filters, setParams],
  )
  return [filters, change]
}
