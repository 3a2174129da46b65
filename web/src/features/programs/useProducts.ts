import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'

export type CatalogueProduct = { code: string; type: string; name: string; lifetimeMonths?: number | null; active: boolean }

/** The product catalogue, for a program's target product. */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: ({ signal }) => apiFetch<{ items: CatalogueProduct[] }>('/api/products', { signal }),
    staleTime: 5 * 60_000,
  })
}
