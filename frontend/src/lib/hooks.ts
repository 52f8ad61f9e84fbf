import { useCallback, useEffect, useEffectEvent, useState } from 'react'

/** The value, once it has stopped changing for `ms` (search boxes). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload: () => void
  setData: (data: T) => void
}

interface LoadState<T> {
  key: string
  data: T | undefined
  error: unknown
}

/**
 * Loads data for a screen and reloads when `key` changes. The previous data stays visible while
 * reloading (tables don't flash), and answers of superseded requests are dropped, so typing fast
 * in a search box never shows an older result last.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [tick, setTick] = useState(0)
  const requestKey = `${key}#${tick}`
  const [state, setState] = useState<LoadState<T>>({ key: '', data: undefined, error: null })
  const run = useEffectEvent(load)

  useEffect(() => {
    let current = true
    run().then(
      (data) => current && setState({ key: requestKey, data, error: null }),
      (error: unknown) => current && setState((s) => ({ key: requestKey, data: s.data, error })),
    )
    return () => {
      current = false
    }
  }, [requestKey])

  const reload = useCallback(() => setTick((n) => n + 1), [])
  const setData = useCallback((data: T) => setState((s) => ({ ...s, data, error: null })), [])
  return {
    data: state.data,
    error: state.error,
    loading: state.key !== requestKey,
    reload,
    setData,
  }
}
