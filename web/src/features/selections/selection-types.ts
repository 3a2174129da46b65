import type { z } from 'zod'
import type { contactPolicyVersion, programPolicy } from '../../../../src/contract/policy-schemas.ts'
import type { savedSelection, selectionCatalogue, selectionCount, selectionList } from '../../../../src/contract/selection-schemas.ts'
import type { waveBody, waveDetail, waveList, wavePreview, waveResult } from '../../../../src/contract/wave-schemas.ts'

// The shapes of the selection, wave and policy API come from the contract the routes validate
// with (src/contract/selection-schemas.ts, wave-schemas.ts, policy-schemas.ts): the web declares
// none. The rule catalogue itself always arrives from the server.
export type { Channel } from '../../../../src/contract/channels.ts'
export { CHANNELS } from '../../../../src/contract/channels.ts'
export type { ContactPolicy, ContactPolicyOverrides, PolicyStep } from '../../../../src/contract/contact-policy.ts'
export type { Rule } from '../../../../src/contract/rule.ts'
export type { FieldDefinition, FieldGroup, FieldKind } from '../../../../src/contract/rule-field-definition.ts'
export type { WaveGroup, WaveKind } from '../../../../src/contract/wave-schemas.ts'

/** GET /api/selections/catalogue */
export type SelectionCatalogue = z.infer<typeof selectionCatalogue>
/** POST /api/selections/count */
export type SelectionCount = z.infer<typeof selectionCount>
/** GET /api/selections/:id */
export type SavedSelection = z.infer<typeof savedSelection>
/** GET /api/selections */
export type SelectionList = z.infer<typeof selectionList>

/** The body of POST /api/waves/preview and POST /api/waves. */
export type WaveRequest = z.input<typeof waveBody>
/** POST /api/waves/preview */
export type WavePreview = z.infer<typeof wavePreview>
/** POST /api/waves: the preview's numbers with the new wave's id. */
export type WaveResult = z.infer<typeof waveResult>
export type FunnelStep = WavePreview['funnel'][number]
/** GET /api/waves */
export type WaveList = z.infer<typeof waveList>
export type WaveSummary = WaveList['items'][number]
/** GET /api/waves/:id */
export type WaveDetail = z.infer<typeof waveDetail>

/** GET /api/contact-policy */
export type ContactPolicyVersion = z.infer<typeof contactPolicyVersion>
/** GET/PUT /api/programs/:code/policy: a program's overrides and the policy its next wave applies. */
export type ProgramPolicy = z.infer<typeof programPolicy>
