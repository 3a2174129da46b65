import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ImportKind, ImportStarted } from './import-types.ts'

/** `program`: the program's code, for a file of responses. */
export type StartImportInput = { kind: ImportKind; dryRun: boolean; mapping: Record<string, string>; encoding: string; program?: string; file: File }

export function useStartImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: StartImportInput) => {
      // The fields go before the file: the server reads them first and then streams the file.
      const form = new FormData()
      form.append('kind', input.kind)
      form.append('dryRun', String(input.dryRun))
      form.append('mapping', JSON.stringify(input.mapping))
      if (input.encoding) form.append('encoding', input.encoding)
      if (input.program) form.append('program', input.program)
      form.append('file', input.file, input.file.name)
      return apiFetch<ImportStarted>('/api/imports', { method: 'POST', form })
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['imports'] }),
  })
}
