import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'

type Tone = 'success' | 'info'
interface StatusApi {
  announce: (text: string, tone?: Tone) => void
}

const StatusContext = createContext<StatusApi>({ announce: () => {} })

/**
 * One polite live region for the whole app: screen readers hear "Đã lưu." and sighted users see
 * it for a few seconds, without the message stealing focus.
 */
export function StatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<{ text: string; tone: Tone; n: number } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const announce = useCallback((text: string, tone: Tone = 'success') => {
    clearTimeout(timer.current)
    setMessage((m) => ({ text, tone, n: (m?.n ?? 0) + 1 }))
    timer.current = setTimeout(() => setMessage(null), 7000)
  }, [])

  const api = useMemo(() => ({ announce }), [announce])
  return (
    <StatusContext.Provider value={api}>
      {children}
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {message && (
          <p key={message.n} className={`toast toast-${message.tone}`}>
            {message.text}
          </p>
        )}
      </div>
    </StatusContext.Provider>
  )
}

export function useStatus(): StatusApi {
  return useContext(StatusContext)
}
