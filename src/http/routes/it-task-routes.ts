import { commentItTask } from '../../app/it-tasks/comment-it-task.ts'
import { createItTask } from '../../app/it-tasks/create-it-task.ts'
import { listItTasks } from '../../app/it-tasks/list-it-tasks.ts'
import { updateItTaskFields } from '../../app/it-tasks/update-it-task.ts'
import { itTaskBody, itTaskCommentBody, itTaskItem, itTaskList, itTaskListQuery, itTaskPatch } from '../../contract/it-task-schemas.ts'
import { idParams } from '../../contract/query-params.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The analyst's data tasks for IT (issue 10, item 7).
export function registerItTaskRoutes(app: App, deps: ServerDeps): void {
  const db = deps.db.kysely

  app.get(
    '/api/it-tasks',
    { config: { access: ROUTE_ACCESS['GET /api/it-tasks'] }, schema: { querystring: itTaskListQuery, response: { 200: itTaskList } } },
    async (request) => listItTasks(db, { ...request.query, now: deps.now() }),
  )
  app.post(
    '/api/it-tasks',
    { config: { access: ROUTE_ACCESS['POST /api/it-tasks'] }, schema: { body: itTaskBody, response: { 201: itTaskItem } } },
    async (request, reply) => reply.status(201).send(await createItTask(db, { body: request.body, actor: signedInUser(request), now: deps.now() })),
  )
  app.patch(
    '/api/it-tasks/:id',
    { config: { access: ROUTE_ACCESS['PATCH /api/it-tasks/:id'] }, schema: { params: idParams, body: itTaskPatch, response: { 200: itTaskItem } } },
    async (request) => updateItTaskFields(db, { id: request.params.id, patch: request.body, actor: signedInUser(request), now: deps.now() }),
  )
  app.post(
    '/api/it-tasks/:id/comments',
    { config: { access: ROUTE_ACCESS['POST /api/it-tasks/:id/comments'] }, schema: { params: idParams, body: itTaskCommentBody, response: { 200: itTaskItem } } },
    async (request) => commentItTask(db, { id: request.params.id, text: request.body.text, author: signedInUser(request), now: deps.now() }),
  )
}
