import { ApiError } from './api-error.ts'

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Sent as JSON. */
  json?: unknown
  /** Sent as multipart (file uploads). */
  form?: FormData
  signal?: AbortSignal
}

type Listener = () => void
let onSessionLost: Listener = () => {}

/** The session provider registers here: any 401 outside the login itself sends the user to the login screen. */
export function setSessionLostListener(listener: Listener): void {
  onSessionLost = listener
}

export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  let body: BodyInit | undefined
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.json)
  } else if (request.form) {
    body = request.form
  }
  let response: Response
  try {
    response = await fetch(path, { method: request.method ?? 'GET', headers, body, credentials: 'same-origin', signal: request.signal })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, 'network', 'The server did not answer')
  }
  if (response.ok) return (await response.json()) as T
  const answer = await readError(response)
  if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionLost()
  throw answer
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: string; message?: string; details?: unknown }
    return new ApiError(response.status, body.error ?? 'http_error', body.message ?? response.statusText, body.details)
  } catch {
    return new ApiError(response.status, 'http_error', response.statusText)
  }
}

/** A query string from the defined, non-empty values. */
export function toQuery(params: Record<string, string | number | boolean | null | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    query.set(key, String(value))
  }
  const text = query.toString()
  return text ? `?${text}` : ''
}
