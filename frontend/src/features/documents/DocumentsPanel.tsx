import { useEffect, useEffectEvent, useRef } from 'react'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { documentsApi, fileUrl, type DocumentView } from './api'
import { affectsDocuments, formatSize, kindOf, sortDocuments } from './format'
import './documents.css'

export interface DocumentsPanelProps {
  sessionId: number
  /** On a point console: the point the operator downloads for (recorded in the audit). */
  pointId?: number
  /** The screen's live connection when it has one (its state changes with every event). */
  live?: { state: unknown } | null
}

/**
 * The materials released to the caller (participant phone view, point console, big screen): a
 * link each, downloaded straight from the server (Range-resumable). The list reloads when the live
 * stream says something was released or recalled.
 */
export function DocumentsPanel({ sessionId, pointId, live }: DocumentsPanelProps) {
  const { t, lang } = useI18n()
  const docs = useLoad(() => documentsApi.list(sessionId), String(sessionId))
  useDocumentUpdates(sessionId, live, docs.reload)
  const released = sortDocuments((docs.data ?? []).filter((d) => d.released))
  const heading = `documents-panel-${sessionId}`
  return (
    <section className="card documents-panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('documents.panel.title')}</h2>
      <ProblemBanner error={docs.error} onRetry={docs.reload} />
      {docs.data && released.length === 0 && <p className="empty">{t('documents.panel.empty')}</p>}
      <ul className="documents-list">
        {released.map((d) => (
          <li key={d.id}>
            <DocumentLink document={d} href={fileUrl(sessionId, d.id, pointId)} lang={lang} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function DocumentLink({
  document: d,
  href,
  lang,
}: {
  document: DocumentView
  href: string
  lang: 'vi' | 'en'
}) {
  const { t } = useI18n()
  return (
    <a className="document-link" href={href} download={d.current?.fileName ?? true}>
      <span className="document-kind" aria-hidden="true">
        {kindOf(d.current?.contentType)}
      </span>
      <span className="document-text">
        <span className="document-title">{d.title}</span>
        <span className="document-meta">
          {[
            d.current?.fileName,
            d.current ? formatSize(d.current.size, lang) : null,
            d.classification !== 'NORMAL'
              ? t(`documents.classification.${d.classification}`)
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </span>
      <span className="document-action">{t('documents.download')}</span>
    </a>
  )
}

/**
 * Calls `reload` when the list may have changed. With the screen's live connection: when its
 * state changes. Without one (a screen that has no live connection): a socket of its own.
 */
function useDocumentUpdates(
  sessionId: number,
  live: DocumentsPanelProps['live'],
  reload: () => void,
) {
  const refresh = useEffectEvent(reload)
  const state = live?.state
  const hasLive = live != null

  // Every event changes the live state (unknown ones advance its seq, document.* included):
  // reload at most every 400 ms, so a busy stream (heartbeats, point states) costs little.
  const throttle = useRef<number | undefined>(undefined)
  useEffect(() => {
    if (!hasLive || state == null || throttle.current !== undefined) return
    throttle.current = window.setTimeout(() => {
      throttle.current = undefined
      refresh()
    }, 400)
  }, [hasLive, state])
  useEffect(() => () => window.clearTimeout(throttle.current), [])

  useEffect(() => {
    if (hasLive || typeof WebSocket === 'undefined') return
    let socket: WebSocket | null = null
    let stopped = false
    let retry: number | undefined
    let pending: number | undefined
    const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/live/sessions/${sessionId}`
    const open = () => {
      socket = new WebSocket(url)
      socket.onmessage = (e: MessageEvent) => {
        let type: string | undefined
        try {
          type = (JSON.parse(String(e.data)) as { type?: string }).type
        } catch {
          return
        }
        if (!affectsDocuments(type)) return
        window.clearTimeout(pending)
        pending = window.setTimeout(() => refresh(), 150)
      }
      socket.onclose = (e: CloseEvent) => {
        // 4403/4404: this session is not for us; do not knock again
        if (!stopped && e.code !== 4403 && e.code !== 4404) retry = window.setTimeout(open, 3000)
      }
    }
    open()
    return () => {
      stopped = true
      window.clearTimeout(retry)
      window.clearTimeout(pending)
      socket?.close()
    }
  }, [hasLive, sessionId])
}
