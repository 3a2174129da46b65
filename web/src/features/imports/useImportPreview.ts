import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ImportKind, ImportPreview } from './import-types.ts'

// A CSV's first rows are in its first megabyte: the preview need not upload a file of gigabytes
// twice. An XLSX is a zip and cannot be cut, so it goes whole.
const CSV_PREVIEW_BYTES = 1024 * 1024

export function useImportPreview() {
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: ImportKind }) => {
      const form = new FormData()
      // The kind lets the server suggest a mapping for the fields of that kind.
      form.append('kind', kind)
      const isCsv = !/\.xlsx$/i.test(file.name)
      form.append('file', isCsv && file.size > CSV_PREVIEW_BYTES ? new File([file.slice(0, CSV_PREVIEW_BYTES)], file.name) : file, file.name)
      return apiFetch<ImportPreview>('/api/imports/preview', { method: 'POST', form })
    },
  })
}
