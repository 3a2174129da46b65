import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { contactHoursView, letterheadView } from '../../../../src/contract/bank-settings-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

export type LetterheadView = z.infer<typeof letterheadView>
export type ContactHoursView = z.infer<typeof contactHoursView>
export type Letterhead = Omit<LetterheadView, 'isDefault'>
export type ContactHours = Omit<ContactHoursView, 'isDefault'>

const PATHS = { letterhead: '/api/settings/letterhead', contactHours: '/api/settings/contact-hours' } as const

/** One of the bank's settings: read, and saved by PUT (the head or an admin; audited by the API). */
export function useBankSetting<K extends keyof typeof PATHS>(key: K) {
  type View = K extends 'letterhead' ? LetterheadView : ContactHoursView
  const queryClient = useQueryClient()
  const query = useQuery({ queryKey: ['bank-settings', key], queryFn: ({ signal }) => apiFetch<View>(PATHS[key], { signal }) })
  const save = useMutation({
    mutationFn: (value: Omit<View, 'isDefault'>) => apiFetch<View>(PATHS[key], { method: 'PUT', json: value }),
    onSuccess: (saved) => queryClient.setQueryData(['bank-settings', key], saved),
  })
  return { query, save }
}
