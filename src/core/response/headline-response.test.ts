import { describe, expect, it } from 'vitest'
import type { ResponseType } from '../../contract/response-types.ts'
import { headlineResponse } from './headline-response.ts'

describe('headlineResponse', () => {
  it.each<[ResponseType[], ResponseType | undefined]>([
    [['application', 'conversion'], 'conversion'],
    [['conversion', 'reply'], 'conversion'],
    [['visit', 'spend'], 'visit'],
    [['reply', 'visit', 'application'], 'application'],
    [['spend', 'balance'], undefined],
    [[], undefined],
  ])('of %j reads %s', (types, expected) => {
    expect(headlineResponse(types)).toBe(expected)
  })
})
