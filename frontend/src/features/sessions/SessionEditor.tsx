import { useEffect, useState } from 'react'
import { Link, Navigate, NavLink, useNavigate, useParams } from 'react-router'
import { api } from '../../api'
import type { SessionView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useLoad } from '../../lib/hooks'
import { formatDateTime } from '../../lib/time'
import { StatusBadge } from '../../ui/Badge'
import { ConfirmDialog } from '../../ui/Dialog'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import { AgendaTab } from '../agenda/AgendaTab'
import { DocumentsTab } from '../documents/DocumentsTab'
import { FeedbackTab } from '../feedback/FeedbackTab'
import { LiveLinks } from '../live/LiveLinks'
import { ReportLinks } from '../report/ReportLinks'
import { PointsTab } from '../points/PointsTab'
import { RegistrationTab } from '../registration/RegistrationTab'
import { RosterTab } from '../roster/RosterTab'
import { CopyDialog } from './CopyDialog'
import { SessionForm } from './SessionForm'
import { statusActions, type StatusAction } from './sessionForm'

const TABS = [
  'info',
  'points',
  'roster',
  'agenda',
  'registration',
  'documents',
  'feedback',
] as const
type Tab = (typeof TABS)[number]

export function SessionEditor() {
  const { id } = useParams()
  if (id === undefined) return <NewSession />
  const sessionId = Number(id)
  if (!Number.isInteger(sessionId)) return <Navigate to="/sessions" replace />
  // A new key per session: copying navigates here and must start from a clean slate.
  return <ExistingSession key={sessionId} id={sessionId} />
}

function NewSession() {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const { announce } = useStatus()
  const navigate = useNavigate()
  useEffect(() => {
    document.title = `${t('session.new')} · ${t('app.name')}`
  }, [t])
  if (!canEdit) return <Navigate to="/sessions" replace />
  return (
    <div className="page">
      <Link className="back" to="/sessions">
        {t('session.back')}
      </Link>
      <h1>{t('session.new')}</h1>
      <SessionForm
        session={null}
        readOnly={false}
        onSubmit={async (request) => {
          const created = await api.sessions.create(request)
          announce(t('session.created'))
          navigate(`/sessions/${created.id}`)
        }}
      />
    </div>
  )
}

function ExistingSession({ id }: { id: number }) {
  const { t, lang } = useI18n()
  const { canEdit } = useAuth()
  const { announce } = useStatus()
  const navigate = useNavigate()
  const params = useParams()
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'info'
  const loaded = useLoad(() => api.sessions.get(id), String(id))
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [copying, setCopying] = useState(false)
  const [actionError, setActionError] = useState<unknown>(null)
  const session = loaded.data

  useEffect(() => {
    if (session) document.title = `${session.title} · ${t('app.name')}`
  }, [session, t])

  if (!session) {
    return (
      <div className="page">
        <Link className="back" to="/sessions">
          {t('session.back')}
        </Link>
        {loaded.error ? (
          <ProblemBanner error={loaded.error} onRetry={loaded.reload} />
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    )
  }

  const editable = session.status === 'DRAFT' || session.status === 'SCHEDULED'
  const readOnly = !canEdit || !editable

  async function act(action: StatusAction, current: SessionView) {
    setActionError(null)
    await api.sessions.act(current.id, action, current.version)
    // Read back: the action's answer carries the version from before the flush (SessionService
    // builds the view before Hibernate bumps @Version), and the next action must send the new one.
    loaded.setData(await api.sessions.get(current.id))
    announce(t(`session.done.${action}`))
  }

  async function runAction(action: StatusAction) {
    if (action === 'cancel') {
      setConfirmCancel(true)
      return
    }
    try {
      await act(action, session!)
    } catch (e) {
      setActionError(e)
    }
  }

  return (
    <div className="page">
      <Link className="back" to="/sessions">
        {t('session.back')}
      </Link>
      <div className="session-head">
        <div>
          <h1>{session.title}</h1>
          <p className="session-sub">
            <StatusBadge status={session.status} />
            <span>{t(`kind.${session.kind}`)}</span>
            {session.startsAt && (
              <time dateTime={session.startsAt}>
                {formatDateTime(session.startsAt, lang)}
                {session.endsAt && ` → ${formatDateTime(session.endsAt, lang)}`}
              </time>
            )}
          </p>
        </div>
        {canEdit && (
          <div className="session-actions" role="group" aria-label={t('session.actions')}>
            {statusActions(session).map((a) => (
              <button
                key={a}
                type="button"
                className={`btn ${a === 'cancel' ? 'btn-danger-outline' : a === 'schedule' ? 'btn-primary' : ''}`}
                onClick={() => runAction(a)}
              >
                {t(`session.action.${a}`)}
              </button>
            ))}
            <button type="button" className="btn" onClick={() => setCopying(true)}>
              {t('session.action.copy')}
            </button>
          </div>
        )}
      </div>
      <ProblemBanner error={actionError} />
      <LiveLinks session={session} />
      <ReportLinks session={session} />

      {/* attendance */}
      <p className="attendance-link">
        <Link to={`/sessions/${id}/attendance`}>{t('attendance.open')}</Link>
      </p>
      <nav className="tabs" aria-label={t('session.tabs')}>
        {TABS.map((name) => (
          <NavLink
            key={name}
            to={name === 'info' ? `/sessions/${id}` : `/sessions/${id}/${name}`}
            end
            className={() => (tab === name ? 'tab active' : 'tab')}
            aria-current={tab === name ? 'page' : undefined}
          >
            {t(`session.tab.${name}`)}
          </NavLink>
        ))}
      </nav>

      <section className="tab-panel" aria-label={t(`session.tab.${tab}`)}>
        {tab === 'info' && (
          <>
            {canEdit && !editable && (
              <p className="banner banner-info">{t('session.notEditable')}</p>
            )}
            {!canEdit && <p className="hint">{t('common.readOnly')}</p>}
            <SessionForm
              session={session}
              readOnly={readOnly}
              onSubmit={async (request) => {
                await api.sessions.update(id, request)
                // Read back for the same reason as after a status action: the PUT's version is stale.
                loaded.setData(await api.sessions.get(id))
                announce(t('common.saved'))
              }}
            />
            <p className="hint meta">
              {session.createdBy &&
                t('session.meta', {
                  who: session.createdBy,
                  when: formatDateTime(session.createdAt, lang),
                })}
              {session.copiedFromId && (
                <>
                  {' · '}
                  <Link to={`/sessions/${session.copiedFromId}`}>
                    {t('session.copiedFrom', { id: session.copiedFromId })}
                  </Link>
                </>
              )}
            </p>
          </>
        )}
        {tab === 'points' && <PointsTab session={session} readOnly={readOnly} />}
        {tab === 'roster' && <RosterTab session={session} readOnly={readOnly} />}
        {tab === 'agenda' && <AgendaTab session={session} readOnly={readOnly} />}
        {tab === 'registration' && <RegistrationTab session={session} />}
        {/* documents: managed while the session runs too, so only the role decides */}
        {tab === 'documents' && <DocumentsTab session={session} canEdit={canEdit} />}
        {/* feedback: prepared before, opened and summarised after, so only the role decides */}
        {tab === 'feedback' && <FeedbackTab session={session} />}
      </section>

      {confirmCancel && (
        <ConfirmDialog
          title={t('session.cancelConfirm.title')}
          body={<p>{t('session.cancelConfirm.body', { title: session.title })}</p>}
          confirmLabel={t('session.action.cancel')}
          danger
          onConfirm={() => act('cancel', session)}
          onClose={() => setConfirmCancel(false)}
        />
      )}
      {copying && (
        <CopyDialog
          session={session}
          onClose={() => setCopying(false)}
          onCopied={(copy) => {
            setCopying(false)
            announce(t('session.copy.done'))
            navigate(`/sessions/${copy.id}`)
          }}
        />
      )}
    </div>
  )
}
