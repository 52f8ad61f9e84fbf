import { useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { api } from '../../api'
import { SESSION_STATUSES, type SessionStatus } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useDebounced, useLoad } from '../../lib/hooks'
import { formatDateTime } from '../../lib/time'
import { StatusBadge } from '../../ui/Badge'
import { Pager } from '../../ui/Pager'
import { ProblemBanner } from '../../ui/ProblemBanner'

const PAGE_SIZE = 20

export function SessionListPage() {
  const { t, lang } = useI18n()
  const { canEdit } = useAuth()
  // The filters live in the address so "back" from a session returns to the same list.
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') ?? '') as SessionStatus | ''
  const page = Number(params.get('page') ?? 0) || 0
  const [search, setSearch] = useState(params.get('q') ?? '')
  const q = useDebounced(search.trim(), 300)

  useEffect(() => {
    document.title = `${t('sessions.title')} · ${t('app.name')}`
  }, [t])

  useEffect(() => {
    if ((params.get('q') ?? '') === q) return
    const next = new URLSearchParams(params)
    if (q) next.set('q', q)
    else next.delete('q')
    next.delete('page')
    setParams(next, { replace: true })
  }, [q, params, setParams])

  const sessions = useLoad(
    () => api.sessions.list({ q, status, page, size: PAGE_SIZE }),
    `${q}|${status}|${page}`,
  )

  function update(key: string, value: string) {
    const next = new URLSearchParams(params)
    if (value) next.set(key, value)
    else next.delete(key)
    if (key !== 'page') next.delete('page')
    setParams(next)
  }

  const data = sessions.data
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('sessions.title')}</h1>
        {canEdit && (
          <Link className="btn btn-primary" to="/sessions/new">
            + {t('sessions.create')}
          </Link>
        )}
      </div>

      <div className="toolbar" role="search">
        <div className="field field-grow">
          <label htmlFor="session-search">{t('sessions.search')}</label>
          <input
            id="session-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="session-status">{t('sessions.filterStatus')}</label>
          <select
            id="session-status"
            value={status}
            onChange={(e) => update('status', e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <ProblemBanner error={sessions.error} onRetry={sessions.reload} />
      <p className="list-count" aria-live="polite">
        {data ? t('sessions.found', { total: data.total }) : t('app.loading')}
      </p>

      {data && data.items.length === 0 && <p className="empty">{t('sessions.empty')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table-cards" aria-busy={sessions.loading}>
            <thead>
              <tr>
                <th scope="col">{t('sessions.col.title')}</th>
                <th scope="col">{t('sessions.col.time')}</th>
                <th scope="col">{t('sessions.col.kind')}</th>
                <th scope="col">{t('sessions.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('sessions.col.title')}>
                    <Link className="row-title" to={`/sessions/${s.id}`}>
                      {s.title}
                    </Link>
                    {s.location && <span className="row-sub">{s.location}</span>}
                  </td>
                  <td data-label={t('sessions.col.time')}>
                    {s.startsAt ? (
                      <>
                        <time dateTime={s.startsAt}>{formatDateTime(s.startsAt, lang)}</time>
                        {s.endsAt && (
                          <span className="row-sub">
                            → <time dateTime={s.endsAt}>{formatDateTime(s.endsAt, lang)}</time>
                          </span>
                        )}
                      </>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td data-label={t('sessions.col.kind')}>{t(`kind.${s.kind}`)}</td>
                  <td data-label={t('sessions.col.status')}>
                    <StatusBadge status={s.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <Pager
          page={page}
          size={PAGE_SIZE}
          total={data.total}
          onPage={(p) => update('page', p > 0 ? String(p) : '')}
        />
      )}
    </div>
  )
}
