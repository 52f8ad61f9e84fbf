import { createContext, useContext, useEffect, useMemo, useState } from 'react'
import { useLoad } from '../lib/hooks'
import type { ReactNode } from 'react'
import { api, onSessionExpired } from '../api'
import type { Me, Role } from '../api/types'

const ANONYMOUS: Me = {
  authenticated: false,
  username: null,
  displayName: null,
  roles: [],
  sessionId: null,
  delegateId: null,
}

interface Auth {
  me: Me | null
  error: unknown
  /** True once an API call said the sign-in is gone, so the sign-in page can say why. */
  expired: boolean
  reload: () => void
  has: (role: Role) => boolean
  isStaff: boolean
  /** Only organizers change things; operators and observers get read-only screens. */
  canEdit: boolean
}

const AuthContext = createContext<Auth | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  const loaded = useLoad(api.me, 'me')
  const [expired, setExpired] = useState(false)
  const { setData, reload, error } = loaded
  const me = loaded.data ?? null

  useEffect(() => {
    onSessionExpired(() => {
      setExpired(true)
      setData(ANONYMOUS)
    })
  }, [setData])

  const value = useMemo<Auth>(() => {
    const roles = me?.roles ?? []
    const has = (role: Role) => roles.includes(role)
    return {
      me,
      error,
      expired,
      reload,
      has,
      isStaff: has('organizer') || has('operator') || has('observer'),
      canEdit: has('organizer'),
    }
  }, [me, error, expired, reload])

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside AuthProvider')
  return ctx
}

/** Full-page navigation: the OIDC code flow needs the browser itself to go there. */
export function loginHref(next: string): string {
  return `/api/auth/login?next=${encodeURIComponent(next)}`
}

export function signOut(): void {
  window.location.assign('/api/auth/logout')
}
