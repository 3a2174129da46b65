import { useContext } from 'react'
import { SessionContext, type Session } from './SessionProvider.tsx'

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}

/** The signed-in user; only for screens rendered behind the login. */
export function useSignedInUser() {
  const { user } = useSession()
  if (!user) throw new Error('useSignedInUser without a signed-in user')
  return user
}
