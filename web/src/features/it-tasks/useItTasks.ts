import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ItTaskBody, ItTaskItem, ItTaskPatch } from '../../../../src/contract/it-task-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type ItTaskFilter = { status: string | null; kind: string | null; overdue: boolean }

/** The tasks for IT, open ones with the nearest due date first (the server's order). */
export function useItTasks(filter: ItTaskFilter) {
  const query = new URLSearchParams()
  if (filter.status) query.set('status', filter.status)
  if (filter.kind) query.set('kind', filter.kind)
  if (filter.overdue) query.set('overdue', 'true')
  const search = query.toString()
  return useQuery({ queryKey: ['it-tasks', filter], queryFn: ({ signal }) => apiFetch<ItTaskItem[]>(`/api/it-tasks${search ? `?${search}` : ''}`, { signal }) })
}

function useTaskMutation<V>(request: (vars: V) => Promise<ItTaskItem>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['it-tasks'] }) })
}

export const useCreateItTask = () => useTaskMutation((body: ItTaskBody) => apiFetch<ItTaskItem>('/api/it-tasks', { method: 'POST', json: body }))

export const useUpdateItTask = () =>
  useTaskMutation(({ id, patch }: { id: number; patch: ItTaskPatch }) => apiFetch<ItTaskItem>(`/api/it-tasks/${id}`, { method: 'PATCH', json: patch }))

export const useCommentItTask = () =>
  useTaskMutation(({ id, text }: { id: number; text: string }) => apiFetch<ItTaskItem>(`/api/it-tasks/${id}/comments`, { method: 'POST', json: { text } }))
