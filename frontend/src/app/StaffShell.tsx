import { useEffect } from 'react'
import { Navigate, NavLink, Outlet, useLocation } from 'react-router'
import { useI18n } from '../i18n'
import { ProblemBanner } from '../ui/ProblemBanner'
import { loginHref, signOut, useAuth } from './auth'
import { LanguageSwitch } from './LanguageSwitch'

/** Everything staff see: header, navigation, and the sign-in gate in front of it. */
export function StaffShell() {
  const { me, error, reload, isStaff, has, canEdit } = useAuth()
  const { t } = useI18n()
  const location = useLocation()

  useEffect(() => {
    document.title = t('app.name')
  }, [t])

  if (!me) {
    return (
      <div className="center-page">
        {error ? <ProblemBanner error={error} onRetry={reload} /> : <p>{t('app.loading')}</p>}
      </div>
    )
  }
  if (!me.authenticated) return <SignInPage next={location.pathname + location.search} />
  if (!isStaff && has('participant')) return <Navigate to="/p" replace />

  const roles = me.roles.filter((r) => r !== 'participant')
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="mainnav" aria-label={t('app.nav')}>
          <NavLink to="/sessions">{t('app.nav.sessions')}</NavLink>
          <NavLink to="/units">{t('app.nav.units')}</NavLink>
          {canEdit && <NavLink to="/feedback-templates">{t('app.nav.feedbackTemplates')}</NavLink>}
        </nav>
        <div className="userbox">
          <span className="user">
            <span className="user-name">{me.displayName || me.username}</span>
            <span className="user-role">{roles.map((r) => t(`role.${r}`)).join(', ')}</span>
          </span>
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost" onClick={signOut}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {isStaff ? (
          <Outlet />
        ) : (
          <div className="page">
            <p className="banner banner-error" role="alert">
              {t('signIn.noAccess', { name: me.username ?? '' })}
            </p>
          </div>
        )}
      </main>
    </div>
  )
}

function SignInPage({ next }: { next: string }) {
  const { t } = useI18n()
  const { expired } = useAuth()
  return (
    <div className="center-page signin">
      <div className="signin-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="card signin-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <p className="tagline">{t('app.tagline')}</p>
        <h1>{t('signIn.title')}</h1>
        {expired && (
          <p className="banner banner-info" role="status">
            {t('signIn.expired')}
          </p>
        )}
        <p>{t('signIn.lead')}</p>
        <a className="btn btn-primary btn-large" href={loginHref(next)}>
          {t('signIn.button')}
        </a>
        <p className="hint">{t('signIn.participantHint')}</p>
      </main>
    </div>
  )
}
