import type { Kysely } from 'kysely'
import { demoClientRequests, demoRequestCount, type DemoRequestTemplate } from '../../core/demo/demo-client-requests.ts'
import { DEMO_IT_TASKS } from '../../core/demo/demo-it-tasks.ts'
import { DEMO_PRODUCT_IDEAS } from '../../core/demo/demo-product-ideas.ts'
import { dayOfIso } from '../../core/demo/day-number.ts'
import type { Schema } from '../../db/schema.ts'
import { insertClientRequests } from '../../db/stores/client-request-store.ts'
import { sampleDemoRequestClients } from '../../db/stores/demo-request-store.ts'
import { findUserByLogin, type SessionUser } from '../../db/stores/user-store.ts'
import { changeIdeaEvidence, moveProductIdea } from '../branch-requests/change-product-idea.ts'
import { createProductIdea } from '../branch-requests/create-product-idea.ts'
import { commentItTask } from '../it-tasks/comment-it-task.ts'
import { createItTask } from '../it-tasks/create-it-task.ts'
import { updateItTaskFields } from '../it-tasks/update-it-task.ts'

const CHUNK = 1000
const atNoon = (today: string, daysLater: number) => new Date(Date.parse(`${today}T09:00:00Z`) + daysLater * 86_400_000)

/**
 * What the demo bank's branches heard (core/demo/demo-client-requests.ts), the client economist's
 * board of ideas built on it and the analyst's tasks for IT: requests written in bulk as recorded
 * at the branch desk (by the demo branch user), the board and the tasks through the same use cases
 * as the API. Returns how many requests; none when the demo users are missing.
 */
export async function loadDemoBranchRequests(db: Kysely<Schema>, input: { today: string; seed: number; clients: number }): Promise<number> {
  const users = await demoActors(db)
  if (!users) return 0
  const count = demoRequestCount(input.clients)
  const clients = await sampleDemoRequestClients(db, Math.ceil(count * 0.8))
  const requests = demoClientRequests({ seed: input.seed, today: dayOfIso(input.today), count, clients })
  const idsByTemplate = new Map<DemoRequestTemplate, number[]>()
  for (let from = 0; from < requests.length; from += CHUNK) {
    const chunk = requests.slice(from, from + CHUNK)
    const ids = await insertClientRequests(db, chunk.map((r) => ({
      clientId: r.clientId, branchId: r.branchId, segment: r.segment, body: r.template.body, productType: r.template.productType, category: r.template.category,
      authorId: users.branch.id, authorLogin: users.branch.login, createdAt: new Date(r.createdAt),
    })))
    chunk.forEach((r, i) => idsByTemplate.set(r.template, [...(idsByTemplate.get(r.template) ?? []), ids[i]!]))
  }
  await loadDemoIdeas(db, { today: input.today, economist: users.economist, idsByTemplate })
  await loadDemoItTasks(db, { today: input.today, analyst: users.analyst, admin: users.admin })
  return requests.length
}

async function demoActors(db: Kysely<Schema>) {
  const [branch, economist, analyst, admin] = await Promise.all(['branch', 'client_economist', 'analyst', 'admin'].map((login) => findUserByLogin(db, login)))
  if (!branch || !economist || !analyst || !admin) return undefined
  return { branch, economist, analyst, admin }
}

async function loadDemoIdeas(db: Kysely<Schema>, input: { today: string; economist: SessionUser; idsByTemplate: Map<DemoRequestTemplate, number[]> }): Promise<void> {
  for (const [i, { key, moves, ...body }] of DEMO_PRODUCT_IDEAS.entries()) {
    const actor = input.economist
    const idea = await createProductIdea(db, { body, actor, now: atNoon(input.today, -60 + i) })
    const add = [...input.idsByTemplate.entries()].filter(([template]) => template.idea === key).flatMap(([, ids]) => ids).slice(0, 500)
    if (add.length > 0) await changeIdeaEvidence(db, { id: idea.id, actor, now: atNoon(input.today, -45 + i), body: { add, remove: [] } })
    for (const [step, to] of moves.entries()) await moveProductIdea(db, { id: idea.id, to, actor, now: atNoon(input.today, -30 + i + step * 7) })
  }
}

async function loadDemoItTasks(db: Kysely<Schema>, input: { today: string; analyst: SessionUser; admin: SessionUser }): Promise<void> {
  for (const { dueInDays, createdDaysAgo, moves, comments, ...body } of DEMO_IT_TASKS) {
    const dueDate = dueInDays === null ? null : atNoon(input.today, dueInDays).toISOString().slice(0, 10)
    const created = await createItTask(db, { body: { ...body, selectionId: null, dueDate }, actor: input.analyst, now: atNoon(input.today, -createdDaysAgo) })
    for (const [step, status] of moves.entries()) {
      await updateItTaskFields(db, { id: created.id, patch: { status }, actor: input.analyst, now: atNoon(input.today, -createdDaysAgo + 2 + step * 5) })
    }
    for (const [step, comment] of comments.entries()) {
      await commentItTask(db, { id: created.id, text: comment.text, author: comment.by === 'admin' ? input.admin : input.analyst, now: atNoon(input.today, -createdDaysAgo + 1 + step * 3) })
    }
  }
}
