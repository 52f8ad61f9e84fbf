import type { DocumentView } from './api'

/** Sizes the way Vietnamese screens write them: "1,5 MB", "820 KB". */
export function formatSize(bytes: number, lang: 'vi' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value)
  return `${text} ${units[unit]}`
}

/** A short label of the file's kind from its media type ("PDF", "DOCX", …). */
export function kindOf(contentType: string | undefined): string {
  if (!contentType) return ''
  if (contentType === 'application/pdf') return 'PDF'
  if (contentType.includes('wordprocessingml')) return 'DOCX'
  if (contentType.includes('spreadsheetml')) return 'XLSX'
  if (contentType.includes('presentationml')) return 'PPTX'
  if (contentType === 'image/png') return 'PNG'
  if (contentType === 'image/jpeg') return 'JPEG'
  return contentType
}

/**
 * Whether a live message means the list of documents may have changed for this screen: a release or
 * recall, or an item start or session end that may have released something.
 */
export function affectsDocuments(type: string | undefined): boolean {
  return (
    type === 'document.released' ||
    type === 'document.recalled' ||
    type === 'agenda.item_started' ||
    type === 'session.ended' ||
    type === 'live.snapshot'
  )
}

/** Newest release first; documents not yet released (organizers only) after the released ones. */
export function sortDocuments(docs: readonly DocumentView[]): DocumentView[] {
  return [...docs].sort((a, b) => {
    if (a.released !== b.released) return a.released ? -1 : 1
    const at = (a.releasedAt ?? '').localeCompare(b.releasedAt ?? '')
    return at !== 0 ? -at : b.id - a.id
  })
}
