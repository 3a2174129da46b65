import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ProductList } from './program-types.ts'

/** The product catalogue, for a program's target product. */
export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: ({ signal }) => apiFetch<ProductList>('/api/products', { signal }),
    staleTime: 5 * 60_000,
  })
}
