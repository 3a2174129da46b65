import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { NewUser, User, UserChange } from './user-types.ts'

export type SaveUserInput = { id: null; user: NewUser } | { id: number; user: UserChange }

export function useSaveUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SaveUserInput) =>
      input.id === null
        ? apiFetch<User>('/api/users', { method: 'POST', json: input.user })
        : apiFetch<User>(`/api/users/${input.id}`, { method: 'PATCH', json: input.user }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  })
}
