import type { ContactPolicy, ContactPolicyOverrides, PolicyStep } from '../../../../src/contract/contact-policy.ts'
import type { Rule } from '../../../../src/contract/rule.ts'
import type { Channel } from '../../../../src/contract/channels.ts'
import type { FieldDefinition, FieldGroup, FieldKind } from '../../../../src/contract/rule-field-definition.ts'

// The shapes of the selection and wave API (src/http/routes/selection-routes.ts, wave-routes.ts).
// Types only come from the core, so the rule catalogue itself always arrives from the server.
export type { Channel, ContactPolicy, FieldDefinition, FieldGroup, FieldKind, PolicyStep, Rule }
export { CHANNELS } from '../../../../src/contract/channels.ts'

/** GET /api/selections/catalogue */
export type SelectionCatalogue = {
  fields: FieldDefinition[]
  channels: Channel[]
  policySteps: PolicyStep[]
  products: { code: string; name: string; type: string }[]
  regions: { code: string; name: string }[]
  branches: { code: string; name: string; regionCode: string }[]
}

/** POST /api/selections/count */
export type SelectionCount = {
  count: number
  bySegment: { key: string; count: number }[]
  byRegion: { key: string | null; count: number }[]
  reachable: Record<Channel, number>
}

/** GET /api/selections/:id */
export type SavedSelection = { id: number; name: string; description: string | null; rule: unknown; version: number; updatedAt: string }

export type WaveKind = 'pilot' | 'rollout'
export type FunnelStep = { rule: PolicyStep; removed: number }

/** The body of POST /api/waves/preview and POST /api/waves. */
export type WaveRequest = { programCode: string; rule: Rule; channel: Channel; controlShare: number; kind: WaveKind; selectionId?: number }

/** POST /api/waves/preview (and POST /api/waves with the wave's id). */
export type WavePreview = { matched: number; target: number; control: number; funnel: FunnelStep[] }

/** GET /api/waves items */
export type WaveSummary = {
  id: number
  programCode: string
  programName: string
  kind: WaveKind
  channel: Channel
  selectionId: number | null
  asOf: string
  target: number
  control: number
  controlShare: number
  policyVersion: number
  funnel: FunnelStep[] | null
  rule: unknown
  builtAt: string
}

/** GET /api/waves/:id */
export type WaveDetail = WaveSummary & { bySegment: { segment: string; target: number; control: number }[] }

export type WaveGroup = 'target' | 'control'

/** GET /api/contact-policy */
export type ContactPolicyVersion = { version: number; policy: ContactPolicy }
export type { ContactPolicyOverrides }
/** GET/PUT /api/programs/:code/policy: a program's overrides and the policy its next wave applies. */
export type ProgramPolicy = { programCode: string; overrides: ContactPolicyOverrides; applied: ContactPolicy; policyVersion: number }
