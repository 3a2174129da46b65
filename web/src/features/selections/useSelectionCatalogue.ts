import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { apiFetch } from '../../api/api-fetch.ts'
import type { FieldDefinition, SelectionCatalogue } from './selection-types.ts'

/** The rule catalogue (fields, operators, products, regions, branches); it changes with a release. */
export function useSelectionCatalogue() {
  const query = useQuery({
    queryKey: ['selection-catalogue'],
    queryFn: ({ signal }) => apiFetch<SelectionCatalogue>('/api/selections/catalogue', { signal }),
    staleTime: 10 * 60_000,
  })
  const fields = useMemo(() => new Map<string, FieldDefinition>((query.data?.fields ?? []).map((field) => [field.name, field])), [query.data])
  return { ...query, fields }
}
