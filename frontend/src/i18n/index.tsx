import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import { setApiLanguage, type Lang } from '../api/client'
import { en } from './en'
import { vi, type MessageKey } from './vi'

export type { MessageKey }
export type Params = Record<string, string | number>
export type Translate = (key: MessageKey, params?: Params) => string

export const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en }
const STORAGE_KEY = 'diemcau.lang'

/** Fills {name} placeholders; an unknown placeholder stays visible so a missing value is noticed. */
export function interpolate(text: string, params?: Params): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

export function translator(lang: Lang): Translate {
  const catalog = catalogs[lang]
  return (key, params) => interpolate(catalog[key] ?? key, params)
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'
  } catch {
    return 'vi'
  }
}

interface I18n {
  lang: Lang
  setLang: (lang: Lang) => void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang)
  // Set synchronously so the very first API call already asks for the right language.
  setApiLanguage(lang)

  useEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLangState(next)
  }, [])

  const value = useMemo(() => ({ lang, setLang, t: translator(lang) }), [lang, setLang])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}
