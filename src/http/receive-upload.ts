import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import { assertNoNulCharacter } from './refuse-nul-characters.ts'

export type Upload = {
  /** The text fields of the form, by name. */
  fields: Record<string, string>
  /** The uploaded file, streamed to a file of its own directory (never held in memory). */
  path: string
  /** The upload's own directory, under the upload folder given. */
  dir: string
  fileName: string
  /** Deletes the upload (its directory). */
  remove(): Promise<void>
}

/**
 * Reads a multipart form with one file: the fields, and the file streamed to a directory of its own
 * under `uploadRoot` (the system's temporary folder by default; the server's upload folder for an
 * import, which survives a restart), so that an import can read it at its own pace. The file limit (2 GB, build-server.ts) answers 413.
 */
export async function receiveUpload(request: FastifyRequest, uploadRoot: string = tmpdir()): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainError('invalid_input', 'Send the file as multipart/form-data', reason('request.not_multipart'))
  await mkdir(uploadRoot, { recursive: true })
  const dir = await mkdtemp(join(uploadRoot, 'otklik-upload-'))
  const remove = () => rm(dir, { recursive: true, force: true })
  const fields: Record<string, string> = {}
  let file: { path: string; fileName: string } | undefined
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        assertNoNulCharacter({ [part.fieldname]: String(part.value) }, 'form')
        fields[part.fieldname] = String(part.value)
        continue
      }
      assertNoNulCharacter({ fileName: part.filename }, 'form')
      const path = join(dir, 'upload')
      await pipeline(part.file, createWriteStream(path))
      if (part.file.truncated) throw new DomainError('invalid_input', 'The file is larger than the upload limit', reason('request.file_too_large'))
      file = { path, fileName: part.filename || 'upload' }
    }
  } catch (error) {
    await remove()
    throw error
  }
  if (!file) {
    await remove()
    throw new DomainError('invalid_input', 'The form has no file', reason('request.no_file'))
  }
  return { fields, ...file, dir, remove }
}
