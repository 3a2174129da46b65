import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { apiFetch, setSessionLostListener } from '../../api/api-fetch.ts'
import type { LoginResult, SessionAnswer, SessionUser } from './session-user.ts'

export type Session = {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined
  signIn: (login: string, password: string) => Promise<void>
  signOut: () => Promise<void>
  /** The session ended on its own (expired, or signed out elsewhere): the login screen says so. */
  expired: boolean
}

export const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined)
  const [expired, setExpired] = useState(false)

  useEffect(() => {
    setSessionLostListener(() => {
      queryClient.clear()
      setExpired(true)
      setUser(null)
    })
    // Any failure here (no session, server down) shows the login screen, which reports its own errors.
    apiFetch<SessionAnswer>('/api/auth/me')
      .then((answer) => setUser(answer.user))
      .catch(() => setUser(null))
  }, [queryClient])

  const signIn = useCallback(async (login: string, password: string) => {
    const answer = await apiFetch<LoginResult>('/api/auth/login', { method: 'POST', json: { login, password } })
    queryClient.clear()
    setExpired(false)
    setUser(answer.user)
  }, [queryClient])

  const signOut = useCallback(async () => {
    try {
      await apiFetch('/api/auth/logout', { method: 'POST', json: {} })
    } finally {
      queryClient.clear()
      setUser(null)
    }
  }, [queryClient])

  const session = useMemo(() => ({ user, signIn, signOut, expired }), [user, signIn, signOut, expired])
  return <SessionContext value={session}>{children}</SessionContext>
}
