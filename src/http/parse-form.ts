import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'

/** A multipart form's text fields parsed by a zod schema: a bad field answers 400 naming it. */
export function parseForm<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, fields: Record<string, string>): T {
  const parsed = schema.safeParse(fields)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'form'}: ${i.message}`)
  const [first] = parsed.error.issues
  throw new DomainError('invalid_input', `Invalid form: ${issues.join('; ')}`, reason('request.bad_form', { field: first.path.map(String).join('.') || 'form', issue: first.message }))
}
