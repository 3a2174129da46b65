import { createHash } from 'node:crypto'
import { DEMO_OFFERS } from '../../core/demo/demo-offers.ts'
import { DEMO_PROGRAMS, type DemoPilot } from '../../core/demo/demo-programs.ts'
import { PROGRAM_MOVES } from '../../core/program/program-moves.ts'
import type { Database } from '../../db/open-database.ts'
import { backdateWave, insertDemoPilotResponses, setDemoProgramSeed } from '../../db/stores/demo-pilot-store.ts'
import { offerCodeExists } from '../../db/stores/offer-store.ts'
import { findProgramByCode } from '../../db/stores/program-store.ts'
import { findUserByLogin } from '../../db/stores/user-store.ts'
import { buildWave } from '../wave/build-wave.ts'
import { sendDemoEmailPilot } from './send-demo-email-pilot.ts'
import { DEMO_PUBLIC_URL, sendDemoPilot } from './send-demo-pilot.ts'
import { createProgram } from '../program/create-program.ts'
import type { ProgramActor } from '../program/program-actor.ts'
import { transitionProgram } from '../program/transition-program.ts'

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The demo bank's registry (core/demo/demo-programs.ts), built through the same use cases as the
 * API: the program economist creates and proposes, the head decides, each move a decision record.
 * A program with a pilot then has its wave built, moved back to when the pilot ran, its responses
 * recorded and the moves after it made: its verdict is the one the head sees.
 */
export async function loadDemoPrograms(database: Database, today: string, seed = 1): Promise<number> {
  const db = database.kysely
  const actor = async (login: 'program_economist' | 'head'): Promise<ProgramActor | undefined> => {
    const user = await findUserByLogin(db, login)
    return user && { id: user.id, login: user.login, role: user.role }
  }
  const economist = await actor('program_economist')
  const head = await actor('head')
  if (!economist || !head) return 0
  for (const { startInDays, endInDays, moves, pilot, ...body } of DEMO_PROGRAMS) {
    // The offer the demo catalogue made for it (load-demo-offers.ts runs first), when there is one.
    const named = DEMO_OFFERS.find((offer) => offer.programs.includes(body.code))?.code
    const offerCode = named && (await offerCodeExists(db, named)) ? named : null
    const dates = { plannedStart: addDays(today, startInDays), plannedEnd: addDays(today, endInDays) }
    const program = await createProgram(db, { body: { ...body, ...dates, offerCode }, actor: economist })
    // The demo's seed, not a random one: the pilot's control group is the same every time.
    const programSeed = createHash('md5').update(`demo:${seed}:${program.code}`).digest('hex').slice(0, 16)
    if (pilot) await setDemoProgramSeed(db, { programId: (await findProgramByCode(db, program.code))!.id, seed: programSeed })
    const move = async (to: DemoPilot['moves'][number], now: Date) => {
      const roles = PROGRAM_MOVES[(await findProgramByCode(db, program.code))!.status][to.to] ?? []
      const by = roles.includes('program_economist') && to.by !== 'head' ? economist : head
      await transitionProgram(db, { code: program.code, to: to.to, comment: to.comment, actor: by, now })
    }
    for (const step of moves) await move(step, new Date(`${today}T12:00:00Z`))
    if (pilot) await runDemoPilot(database, { code: program.code, pilot, seed: programSeed, bankSeed: seed, today, economist, move })
  }
  return DEMO_PROGRAMS.length
}

async function runDemoPilot(
  database: Database,
  input: { code: string; pilot: DemoPilot; seed: string; bankSeed: number; today: string; economist: ProgramActor; move: (to: DemoPilot['moves'][number], now: Date) => Promise<void> },
): Promise<void> {
  const { pilot } = input
  const db = database.kysely
  const asOf = addDays(input.today, -pilot.daysAgo)
  const builtAt = `${asOf}T09:00:00.000Z`
  const wave = await buildWave(db, { programCode: input.code, rule: pilot.rule, channel: pilot.channel, kind: 'pilot', actor: { id: input.economist.id, login: input.economist.login }, today: asOf })
  await backdateWave(db, { waveId: wave.wave, builtAt, asOf })
  const program = (await findProgramByCode(db, input.code))!
  await insertDemoPilotResponses(db, { programId: program.id, waveId: wave.wave, seed: input.seed, builtAt, responses: pilot.responses, balance: pilot.balance })
  const [launch, ...after] = pilot.moves
  if (launch) await input.move(launch, new Date(`${asOf}T12:00:00Z`))
  // Sent once the pilot was launched, as the economist would: the contacts, their outcomes and delivery reports.
  const sending = { waveId: wave.wave, startAt: new Date(`${asOf}T12:15:00Z`), actor: { id: input.economist.id, login: input.economist.login } }
  if (pilot.channel === 'sms') await sendDemoPilot(database, { ...sending, seed: input.bankSeed })
  if (pilot.channel === 'email') await sendDemoEmailPilot(database, { ...sending, publicUrl: DEMO_PUBLIC_URL })
  for (const step of after) await input.move(step, new Date(`${input.today}T12:00:00Z`))
}
