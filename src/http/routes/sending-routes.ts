import { timingSafeEqual } from 'node:crypto'
import { bankToday } from '../../app/bank/bank-today.ts'
import { openConfiguredChannels } from '../../app/channels/open-configured-channels.ts'
import { recordSmsDelivery, recordSmsReply } from '../../app/opt-out/record-sms-callbacks.ts'
import { readUnsubscribeLink, unsubscribeByLink } from '../../app/opt-out/unsubscribe-by-link.ts'
import { prepareWaveSend } from '../../app/wave/prepare-wave-send.ts'
import { viewWaveSending } from '../../app/wave/view-wave-sending.ts'
import { idParams } from '../../contract/query-params.ts'
import { reason } from '../../contract/reason-codes.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { smsDeliveryReportBody, smsInboundBody, waveSendAccepted, waveSending } from '../../contract/wave-send-schemas.ts'
import { DomainError } from '../../core/domain-error.ts'
import { z } from 'zod'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'
import { unsubscribePage } from '../unsubscribe-page.ts'

const tokenParams = z.object({ token: z.string().min(1).max(500) })

export function registerSendingRoutes(app: App, deps: ServerDeps): void {
  // The unsubscribe button's form and the mail programs' one-click POST (RFC 8058) send a form; the
  // page reads nothing from it, the link's token says who.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => done(null, body))
  app.post(
    '/api/waves/:id/send',
    { config: { access: ROUTE_ACCESS['POST /api/waves/:id/send'] }, schema: { params: idParams, response: { 202: waveSendAccepted } } },
    async (request, reply) => {
      const sending = deps.sending
      // Without sending set up, no channel is open: prepareWaveSend names the setting that is missing.
      const open = sending ? openConfiguredChannels(sending.channels) : { channels: {}, close: async () => undefined }
      try {
        // Refused here, at once and in words, rather than in a job's log: no offer, not approved, no channel.
        await prepareWaveSend(deps.db.kysely, { waveId: request.params.id, channels: open.channels, today: await bankToday(deps.db.kysely, deps.now()) })
      } finally {
        await open.close()
      }
      const user = signedInUser(request)
      const job = await sending!.start({ waveId: request.params.id, actor: { id: user.id, login: user.login } })
      return reply.status(202).send({ wave: request.params.id, job })
    },
  )

  app.get(
    '/api/waves/:id/sending',
    { config: { access: ROUTE_ACCESS['GET /api/waves/:id/sending'] }, schema: { params: idParams, response: { 200: waveSending } } },
    async (request) => viewWaveSending(deps.db.kysely, request.params.id),
  )

  // The client's page from an e-mail's unsubscribe link: public, no session; HTML, not JSON.
  app.get('/unsubscribe/:token', { config: { access: 'public' }, schema: { params: tokenParams, hide: true } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8')
    try {
      await readUnsubscribeLink(deps.db.kysely, request.params.token)
      return unsubscribePage('confirm', `/unsubscribe/${request.params.token}`)
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return reply.status(400).send(unsubscribePage('bad_link'))
    }
  })
  app.post('/unsubscribe/:token', { config: { access: 'public' }, schema: { params: tokenParams, hide: true } }, async (request, reply) => {
    reply.type('text/html; charset=utf-8')
    try {
      await unsubscribeByLink(deps.db.kysely, { token: request.params.token, at: deps.now() })
      return unsubscribePage('done')
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      return reply.status(400).send(unsubscribePage('bad_link'))
    }
  })

  app.post(
    '/api/sms/reports',
    { config: { access: ROUTE_ACCESS['POST /api/sms/reports'] }, schema: { body: smsDeliveryReportBody, response: { 204: z.null() } } },
    async (request, reply) => {
      checkGatewayToken(deps, request.headers.authorization)
      await recordSmsDelivery(deps.db.kysely, { ...request.body, at: new Date(request.body.at) })
      return reply.status(204).send(null)
    },
  )
  app.post(
    '/api/sms/inbound',
    { config: { access: ROUTE_ACCESS['POST /api/sms/inbound'] }, schema: { body: smsInboundBody, response: { 200: z.object({ optedOut: z.number(), responses: z.number() }) } } },
    async (request) => {
      checkGatewayToken(deps, request.headers.authorization)
      return recordSmsReply(deps.db.kysely, { ...request.body, at: new Date(request.body.at) })
    },
  )
}

/** The gateway calls back with the token it was given (SMS_GATEWAY_TOKEN); without one set, nobody may. */
function checkGatewayToken(deps: ServerDeps, header: string | undefined): void {
  const expected = deps.sending?.channels.smsGatewayToken ?? ''
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? ''
  const ok = expected !== '' && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  if (!ok) throw new DomainError('unauthenticated', 'Wrong SMS gateway token', reason('sms.bad_token'))
}
