import { z } from 'zod'
import { CHANNELS } from './channels.ts'
import { isoDate } from './program-schemas.ts'

// The rollout plan of a program (issue 7, item 8): POST /api/programs/:code/rollout-plan computes a
// what-if and stores nothing; PUT saves the chosen one into the program; GET reads the saved one.
// Shapes only: ranges (operators a whole number, a reach rate within (0, 1], the end after the
// start…) are checked in core (core/program/check-rollout-plan.ts), each refusal naming its field.
// Money in roubles, as everywhere in the API.

export const rolloutPlanBody = z
  .object({
    operators: z.number(),
    callsPerHour: z.number(),
    hoursPerDay: z.number(),
    /** The share of calls that reach the client, within (0, 1]. */
    reachRate: z.number(),
    start: isoDate,
    /** The last day a wave may work; null or left out: until everyone is contacted. */
    end: isoDate.nullable().default(null),
    maxWaveSize: z.number(),
    /** The program's budget for this what-if; left out, the program's own (null: no limit). */
    budget: z.number().nullable().optional(),
    /** A channel's own budget for the rollout's contacts. */
    channelBudgets: z.array(z.object({ channel: z.enum(CHANNELS), budget: z.number() }).strict()).max(CHANNELS.length).default([]),
  })
  .strict()
export type RolloutPlanBody = z.input<typeof rolloutPlanBody>

export const ROLLOUT_CUTS = ['capacity', 'budget', 'end_date', 'horizon'] as const

const channelLine = z.object({ channel: z.enum(CHANNELS), contacts: z.number(), cost: z.number() })
const caseFigures = z.object({
  contacted: z.number(),
  incrementalProducts: z.number(),
  contactCost: z.number(),
  totalCost: z.number(),
  npv: z.number(),
  profit: z.number(),
  roi: z.number().nullable(),
})

/** The plan: its waves, what is left uncontacted and why, and the business case on the planned reach beside the case as it stands. */
export const rolloutPlan = z.object({
  program: z.string(),
  inputs: z.object({
    operators: z.number(),
    callsPerHour: z.number(),
    hoursPerDay: z.number(),
    reachRate: z.number(),
    start: z.string(),
    end: z.string().nullable(),
    maxWaveSize: z.number(),
    budget: z.number().nullable(),
    channelBudgets: z.array(z.object({ channel: z.enum(CHANNELS), budget: z.number() })),
  }),
  /** The case's contacted clients, those the pilot contacted, and what is left for the rollout. */
  caseContacted: z.number(),
  pilotContacted: z.number(),
  clients: z.number(),
  /** What the program's budget leaves for the rollout's contacts (budget − fixed costs − the pilot's contacts); null: no budget. */
  budgetLeft: z.number().nullable(),
  planned: z.number(),
  uncontacted: z.object({ capacity: z.number(), budget: z.number(), end_date: z.number(), horizon: z.number() }),
  limitedBy: z.enum(ROLLOUT_CUTS).nullable(),
  budgetLimit: z.union([z.enum(CHANNELS), z.literal('program')]).nullable(),
  callCapacity: z.object({ callsPerDay: z.number(), clientsPerDay: z.number() }).nullable(),
  clientsPerDay: z.number(),
  peakCallsPerDay: z.number(),
  waves: z.array(
    z.object({
      number: z.number(),
      start: z.string(),
      end: z.string(),
      workingDays: z.number(),
      clients: z.number(),
      calls: z.number(),
      channels: z.array(channelLine),
      cost: z.number(),
    }),
  ),
  endReached: z.string().nullable(),
  workingDays: z.number(),
  contacts: z.array(channelLine),
  cost: z.number(),
  /** The business case on the planned reach, and as it stands: everyone the case counts, contacted. */
  case: caseFigures,
  caseFullReach: caseFigures,
})

/** The plan saved into the program: who chose it and when. */
export const savedRolloutPlan = rolloutPlan.extend({
  savedAt: z.string(),
  savedBy: z.object({ login: z.string(), fullName: z.string().nullable() }),
})

export const rolloutPlanRead = z.object({ saved: savedRolloutPlan.nullable() })
