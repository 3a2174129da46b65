import { answerClientError } from './answer-client-error.ts'
import { existsSync } from 'node:fs'
import fastifyCookie from '@fastify/cookie'
import fastifyMultipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type pino from 'pino'
import { findSignedInUser } from '../app/auth/find-signed-in-user.ts'
import type { ChannelsConfig, Config } from '../config.ts'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import type { ProfileMirror } from '../db/columnar/open-profile-mirror.ts'
import type { Database } from '../db/open-database.ts'
import type { JobRequests } from '../jobs/start-workers.ts'
import { SESSION_COOKIE } from './access.ts'
import type { Access } from '../contract/route-access.ts'
import { errorReply } from './error-reply.ts'
import { refuseNulCharacters } from './refuse-nul-characters.ts'
import { registerRoutes } from './routes/register-routes.ts'

export type ServerDeps = {
  db: Database
  config: Pick<Config, 'sessionHours' | 'secureCookies' | 'trustProxy'> & Partial<Pick<Config, 'uploadDir'>>
  /** Imports and profile refreshes run as jobs (jobs/start-workers.ts), started by the caller. */
  jobs: JobRequests
  logger: pino.Logger
  now: () => Date
  /** The built web UI (web/dist), served at / when present. */
  webDir?: string
  /** The DuckDB mirror of the selection profile for live counts; without it PostgreSQL counts. */
  profileMirror?: ProfileMirror
  /** Sending waves (issue 8): the configured channels and how a send is started (a job, main.ts). */
  sending?: SendingDeps
}

export type SendingDeps = {
  channels: ChannelsConfig
  start(job: { waveId: number; actor: { id: number | null; login: string } }): Promise<string | null>
}

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider> // eslint-disable-line @typescript-eslint/no-explicit-any -- Fastify's server generics are irrelevant to routes

// Requests larger than this are refused with 413 before they are read; imports stream multipart.
const BODY_LIMIT_BYTES = 1_000_000
export const UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3

/** An /api route as registered, with the access it declared (the role × route test reads these). */
export type ApiRoute = { method: string; url: string; access: Access | undefined }

const API_ROUTES = new WeakMap<App, ApiRoute[]>()
const API_DOCS = '/api/docs'
const isApiUrl = (url: string) => url === '/api' || url.startsWith('/api/')

/** Every /api route of the app (without the OpenAPI pages and the HEAD twins of GET routes). */
export function listApiRoutes(app: App): readonly ApiRoute[] {
  return API_ROUTES.get(app) ?? []
}

export async function buildServer(deps: ServerDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    ...(deps.config.trustProxy && { trustProxy: deps.config.trustProxy }),
    // Fastify's own two lines per request are replaced by ours (one line, no query or body).
    logController: new LogController({ disableRequestLogging: true }),
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(fastifyCookie)
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } })
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Otklik API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  })
  // Before any route is registered (the API docs included), so that every route carries its access
  // and a refusal from the API docs' plugin is answered by our error handler.
  const webDir = deps.webDir && existsSync(deps.webDir) ? deps.webDir : undefined
  handleErrors(app, webDir !== undefined)
  declareAccessOfPluginRoutes(app)
  recordApiRoutes(app)
  logOneLinePerRequest(app)
  checkAccess(app, deps)
  refuseNulCharacters(app)
  await app.register(fastifySwaggerUi, { routePrefix: API_DOCS })
  registerRoutes(app, deps)
  if (webDir) serveWeb(app, webDir)
  return app
}

function logOneLinePerRequest(app: App): void {
  // One line per request, without query strings or bodies: search terms are personal data.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: request.user?.login,
      },
      'request',
    )
  })
}

/**
 * Routes that plugins register get their access here: the OpenAPI pages and JSON are for signed-in
 * users (they map the whole API), the files of the web UI are public (@fastify/static marks each
 * route it makes for a file with `config.rootPath`). Our own routes declare theirs from
 * contract/route-access.ts; any other route stays without a declaration and is refused (fail closed).
 */
function declareAccessOfPluginRoutes(app: App): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.access) return
    const servesFile = typeof (route.config as { rootPath?: unknown } | undefined)?.rootPath === 'string'
    if (route.url.startsWith(API_DOCS)) route.config = { ...route.config, access: 'signed_in' }
    else if (servesFile && !isApiUrl(route.url)) route.config = { ...route.config, access: 'public' }
  })
}

function recordApiRoutes(app: App): void {
  const routes: ApiRoute[] = []
  API_ROUTES.set(app, routes)
  app.addHook('onRoute', (route) => {
    if (!isApiUrl(route.url) || route.url.startsWith(API_DOCS)) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access })
    }
  })
}

/**
 * Access is decided from the route Fastify matched, never from the URL text: the router decodes
 * `/%61pi/users` to the same route as `/api/users`, so a check on `request.url` can be walked
 * around. Runs before the body is read, so a refused upload never reaches the disk.
 */
function checkAccess(app: App, deps: ServerDeps): void {
  app.addHook('onRequest', async (request) => {
    if (request.is404) return // no route matched: the not-found handler answers, with nothing behind it
    const access = request.routeOptions.config.access
    if (!access) throw new DomainError('forbidden', 'This route declares no access rule', reason('auth.no_access_rule'))
    if (access === 'public') return
    const token = request.cookies[SESSION_COOKIE]
    if (token) request.user = await findSignedInUser(deps.db.kysely, { token, now: deps.now() })
    if (!request.user) throw new DomainError('unauthenticated', 'Sign in first', reason('auth.sign_in_first'))
    if (access !== 'signed_in' && !access.includes(request.user.role)) {
      throw new DomainError('forbidden', `The role ${request.user.role} may not do this`, reason('auth.role_forbidden', { role: request.user.role }))
    }
  })
}

function handleErrors(app: App, servesWeb: boolean): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = errorReply(error)
    if (unexpected) request.log.error({ err: error }, 'unhandled error')
    return reply.status(status).send(body)
  })
  // Fastify allows one not-found handler. With the web UI, client-side routes (/clients/42) load the
  // app shell; /api stays a JSON 404.
  app.setNotFoundHandler((request, reply) => {
    if (servesWeb && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html')
    const url = request.url.split('?')[0]
    return reply.status(404).send({ error: 'not_found', message: `No route ${request.method} ${url}`, details: reason('request.no_route', { method: request.method, url }) })
  })
}

function serveWeb(app: App, webDir: string): void {
  app.register(fastifyStatic, { root: webDir, wildcard: false })
}
