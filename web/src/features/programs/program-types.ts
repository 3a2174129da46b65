import type { z } from 'zod'
import type { programCase, programDecision, programDetail, programList } from '../../../../src/contract/program-schemas.ts'
import type { productList } from '../../../../src/contract/reference-schemas.ts'

// The shapes of /api/programs come from the contract the routes validate their answers with
// (src/contract/program-schemas.ts): the web declares none. Money in roubles.
export type { BusinessCaseAssumptions, ProgramGoal, ProgramPlan, ProgramStatus } from '../../../../src/contract/program-schemas.ts'

/** GET /api/programs */
export type ProgramList = z.infer<typeof programList>
export type ProgramListItem = ProgramList['items'][number]
/** GET /api/programs/:code/case */
export type ProgramCase = z.infer<typeof programCase>
export type TornadoBar = ProgramCase['tornado'][number]
export type ProgramDecision = z.infer<typeof programDecision>
/** GET /api/programs/:code, and the answer of every edit and move. */
export type ProgramDetail = z.infer<typeof programDetail>
/** GET /api/products (the economics only for the roles cleared for them). */
export type ProductList = z.infer<typeof productList>
/** A reason the case cannot be computed yet (`case.missing`, `case.no_product`). */
export type CaseMissing = NonNullable<ProgramDetail['caseMissing']>
