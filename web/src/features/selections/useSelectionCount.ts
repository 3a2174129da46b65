import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { Rule, SelectionCount } from './selection-types.ts'

const DEBOUNCE_MS = 300

/**
 * The live count of a rule: asked 300 ms after the last change, keyed by the rule itself, with the
 * previous answer kept on screen while the next one comes. null (an unfinished rule) asks nothing.
 */
export function useSelectionCount(rule: Rule | null) {
  const [text] = useDebouncedValue(rule === null ? null : JSON.stringify(rule), DEBOUNCE_MS)
  const query = useQuery({
    queryKey: ['selection-count', text],
    queryFn: ({ signal }) => apiFetch<SelectionCount>('/api/selections/count', { method: 'POST', json: { rule: JSON.parse(text!) }, signal }),
    enabled: text !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
  const current = rule === null ? null : JSON.stringify(rule)
  // Between a change and its answer the number on screen belongs to the previous rule.
  return { ...query, settling: current !== text || query.isPlaceholderData || query.isFetching }
}
