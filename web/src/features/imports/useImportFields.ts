import { useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ImportFieldsAnswer, ImportKind } from './import-types.ts'

export function useImportFields(kind: ImportKind) {
  return useQuery({
    queryKey: ['import-fields', kind],
    queryFn: ({ signal }) => apiFetch<ImportFieldsAnswer>(`/api/imports/fields?kind=${kind}`, { signal }),
    staleTime: Infinity,
  })
}
