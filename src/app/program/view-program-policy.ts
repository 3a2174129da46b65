import type { Kysely } from 'kysely'
import { contactPolicyOverridesSchema } from '../../contract/contact-policy.ts'
import type { Schema } from '../../db/schema.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { programPolicy, type ProgramPolicy } from './set-program-policy-overrides.ts'

/** A program's overrides of the contact policy and the policy its next wave applies; none for a new code. */
export async function viewProgramPolicy(db: Kysely<Schema>, programCode: string): Promise<ProgramPolicy> {
  const program = await findProgramByCode(db, programCode)
  return programPolicy(db, programCode, contactPolicyOverridesSchema.parse(program?.policyOverrides ?? {}))
}
