import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ComplaintFileAnalysis, ComplaintFileUpload } from '../../../../src/contract/complaint-file-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'

const KEY = ['complaint-files', 'analysis']

/** What the loaded complaint files say (GET /api/complaint-files/analysis). */
export function useComplaintFileAnalysis() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiFetch<ComplaintFileAnalysis>('/api/complaint-files/analysis', { signal }) })
}

/** Loads a CFPB export (POST /api/complaint-files); the analysis is read again after it. */
export function useLoadComplaintFile() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData()
      form.append('format', 'cfpb')
      form.append('file', file)
      return apiFetch<ComplaintFileUpload>('/api/complaint-files', { method: 'POST', form })
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: KEY }),
  })
}
