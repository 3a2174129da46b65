import type { Duplex } from 'node:stream'
import { reason } from '../contract/reason-codes.ts'
import type { ErrorBody } from '../contract/error-body.ts'

// Node's HTTP parser refuses a request it cannot read (a raw, not percent-encoded Cyrillic query
// typed into curl, a header block over the limit) before Fastify sees it, and by default closes the
// socket with a bare "400 Bad Request" and no body. The caller gets our error body instead, with
// the rule it broke, like every other refusal of the API.

type Refusal = { status: number; statusText: string; code: 'request.headers_too_large' | 'request.bad_request_line'; message: string }

const REFUSALS: Record<string, Refusal> = {
  HPE_HEADER_OVERFLOW: { status: 431, statusText: 'Request Header Fields Too Large', code: 'request.headers_too_large', message: 'the request headers are larger than the server accepts' },
}
const BAD_REQUEST_LINE: Refusal = {
  status: 400,
  statusText: 'Bad Request',
  code: 'request.bad_request_line',
  message: 'the request is not valid HTTP: characters outside ASCII in the address must be percent-encoded (encodeURIComponent)',
}

/** Fastify's `clientErrorHandler`: answers a request the parser refused with an error body, then closes. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    return
  }
  const refusal = REFUSALS[error.code ?? ''] ?? BAD_REQUEST_LINE
  const body: ErrorBody = { error: 'bad_request', message: refusal.message, details: reason(refusal.code) }
  const text = JSON.stringify(body)
  socket.end(
    `HTTP/1.1 ${refusal.status} ${refusal.statusText}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  )
}
