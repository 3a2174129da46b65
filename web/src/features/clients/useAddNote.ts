import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ClientCard, Note, NoteKind } from './client-types.ts'

export function useAddNote(clientId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (note: { kind: NoteKind; body: string }) =>
      apiFetch<Note>(`/api/clients/${encodeURIComponent(clientId)}/notes`, { method: 'POST', json: note }),
    // The new note goes on top of the card without reading the card again (which would be audited).
    onSuccess: (note) => {
      queryClient.setQueryData<ClientCard>(['client', clientId], (card) => (card ? { ...card, notes: [note, ...card.notes] } : card))
    },
  })
}
