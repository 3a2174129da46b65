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
import { hashSessionToken } from '../app/auth/log-in.ts'
import type { Config } from '../config.ts'
import { reason } from '../contract/reason-codes.ts'
import { DomainError } from '../core/domain-error.ts'
import type { ProfileMirror } from '../db/columnar/open-profile-mirror.ts'
import type { Database } from '../db/open-database.ts'
import { findSessionUser } from '../db/stores/user-store.ts'
import { SESSION_COOKIE, type Access } from './access.ts'
import { errorReply } from './error-reply.ts'
import { registerRoutes } from './routes/register-routes.ts'

export type ServerDeps = {
  db: Database
  config: Pick<Config, 'sessionHours' | 'secureCookies'>
  logger: pino.Logger
  now: () => Date
  /** The built web UI (web/dist), served at / when present. */
  webDir?: string
  /** The DuckDB mirror of the selection profile for live counts; without it PostgreSQL counts. */
  profileMirror?: ProfileMirror
}

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider> // eslint-disable-line @typescript-eslint/no-explicit-any -- Fastify's server generics are irrelevant to routes

// Requests larger than this are refused with 413 before they are read; imports stream multipart.
const BODY_LIMIT_BYTES = 1_000_000
export const UPLOAD_LIMIT_BYTES = 2 * 1024 ** 3

/** An /api route as registered, with the access it declared (the role × route test reads these). */
export type ApiRoute = { method: string; url: string; access: Access | undefined }

const API_ROUTES = new WeakMap<App, ApiRoute[]>()

/** Every /api route of the app (without the OpenAPI pages and the HEAD twins of GET routes). */
export function listApiRoutes(app: App): readonly ApiRoute[] {
  return API_ROUTES.get(app) ?? []
}

export async function buildServer(deps: ServerDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Fastify's own two lines per request are replaced by ours (one line, no query or body).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  await app.register(fastifyCookie)
  await app.register(fastifyMultipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES, files: 1 } })
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Otklik API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  })
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' })

  logOneLinePerRequest(app)
  recordApiRoutes(app)
  checkAccess(app, deps)
  const webDir = deps.webDir && existsSync(deps.webDir) ? deps.webDir : undefined
  handleErrors(app, webDir !== undefined)
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

function recordApiRoutes(app: App): void {
  const routes: ApiRoute[] = []
  API_ROUTES.set(app, routes)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, access: route.config?.access })
    }
  })
}

function checkAccess(app: App, deps: ServerDeps): void {
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return
    if (!request.routeOptions.url) return // unknown route: the 404 handler answers
    const access = request.routeOptions.config.access
    if (!access) throw new DomainError('forbidden', 'This route declares no access rule', reason('auth.no_access_rule'))
    const token = request.cookies[SESSION_COOKIE]
    if (token) request.user = await findSessionUser(deps.db.kysely, hashSessionToken(token), deps.now())
    if (access === 'public') return
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
