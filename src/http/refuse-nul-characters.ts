import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import { findNulCharacter } from '../core/find-nul-character.ts'
import type { App } from './build-server.ts'

/** 400 naming the field when a value from outside holds a NUL character (core/find-nul-character.ts). */
export function assertNoNulCharacter(value: unknown, where: string): void {
  const field = findNulCharacter(value)
  if (field === undefined) return
  throw new DomainError('invalid_input', `${where} ${field}: must not contain the NUL character`, reason('request.nul_character', { field }))
}

/**
 * One check for every route, before its schema runs: path, query and JSON body. Schemas that take
 * free JSON (a selection rule) are covered as much as named fields are, and a route added later
 * cannot forget it. Multipart forms are read by the route itself: see receive-upload.ts.
 */
export function refuseNulCharacters(app: App): void {
  app.addHook('preValidation', async (request) => {
    assertNoNulCharacter(request.params, 'params')
    assertNoNulCharacter(request.query, 'querystring')
    assertNoNulCharacter(request.body, 'body')
  })
}
