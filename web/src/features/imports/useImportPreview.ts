import { useMutation } from '@tanstack/react-query'
import { apiFetch } from '../../api/api-fetch.ts'
import type { ImportKind, ImportPreview } from './import-types.ts'

// A CSV's first rows are in its first megabyte: the preview need not upload a file of gigabytes
// twice. The cut is made after the last line break, so that no line (and no UTF-8 character, which
// would spoil the encoding detection) is cut in half. An XLSX is a zip and goes whole.
const CSV_PREVIEW_BYTES = 1024 * 1024

async function previewPart(file: File): Promise<File> {
  if (/\.xlsx$/i.test(file.name) || file.size <= CSV_PREVIEW_BYTES) return file
  const head = new Uint8Array(await file.slice(0, CSV_PREVIEW_BYTES).arrayBuffer())
  const end = head.lastIndexOf(0x0a)
  return new File([end > 0 ? head.subarray(0, end + 1) : head], file.name)
}

export function useImportPreview() {
  return useMutation({
    mutationFn: async ({ file, kind, encoding }: { file: File; kind: ImportKind; encoding: string }) => {
      const form = new FormData()
      // The kind lets the server suggest a mapping for the fields of that kind.
      form.append('kind', kind)
      if (encoding) form.append('encoding', encoding)
      form.append('file', await previewPart(file), file.name)
      return apiFetch<ImportPreview>('/api/imports/preview', { method: 'POST', form })
    },
  })
}
