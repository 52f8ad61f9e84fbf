import type { Lang } from '../api/client'

/** Every time in the UI is Vietnam time, whatever the browser's own zone is. */
export const ZONE = 'Asia/Ho_Chi_Minh'
/** Vietnam has kept +07:00 all year since 1975, so a fixed offset is exact for any date we handle. */
export const OFFSET = '+07:00'
const OFFSET_MS = 7 * 60 * 60 * 1000

const locales: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' }
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(lang: Lang, kind: 'dateTime' | 'time' | 'long'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`
  let f = formatters.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }
        : kind === 'long'
          ? {
              timeZone: ZONE,
              weekday: 'long',
              day: '2-digit',
              month: '2-digit',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
            }
          : {
              timeZone: ZONE,
              day: '2-digit',
              month: '2-digit',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
            }
    f = new Intl.DateTimeFormat(locales[lang], options)
    formatters.set(key, f)
  }
  return f
}

/** "08:00 03/12/2026" (vi) for an ISO instant; empty for none. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  return iso ? formatter(lang, 'dateTime').format(new Date(iso)) : ''
}

/** "08:00 Thứ Năm, 03/12/2026": for the participant page, where the day matters most. */
export function formatLong(iso: string | null | undefined, lang: Lang): string {
  return iso ? formatter(lang, 'long').format(new Date(iso)) : ''
}

export function formatTime(iso: string | null | undefined, lang: Lang): string {
  return iso ? formatter(lang, 'time').format(new Date(iso)) : ''
}

/** A datetime-local value ("2026-12-03T08:00") read as Vietnam time, sent with its offset. */
export function localInputToOffset(value: string | null | undefined): string | null {
  if (!value) return null
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?/.exec(value)
  if (!m) return null
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}${OFFSET}`
}

/** An instant from the API as the datetime-local value a Vietnam user would type. */
export function instantToLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16)
}
