import { Navigate, Route, Routes } from 'react-router'
import { AttendancePage, CheckInPage } from '../features/attendance/AttendancePages'
import { TemplatesPage } from '../features/feedback/TemplatesPage'
import { BigScreen } from '../features/live/BigScreen'
import { MainHallConsole } from '../features/live/MainHallConsole'
import { PointConsole } from '../features/live/PointConsole'
import { InvitePage } from '../features/participant/InvitePage'
import { ParticipantPage } from '../features/participant/ParticipantPage'
import { RegisterPage } from '../features/registration/RegisterPage'
import { RegistrationStatusPage } from '../features/registration/RegistrationStatusPage'
import { SessionEditor } from '../features/sessions/SessionEditor'
import { SessionListPage } from '../features/sessions/SessionListPage'
import { UnitsPage } from '../features/units/UnitsPage'
import { useI18n } from '../i18n'
import { Link } from 'react-router'
import { StaffShell } from './StaffShell'

export function App() {
  return (
    <Routes>
      <Route path="/i/:token" element={<InvitePage />} />
      <Route path="/p" element={<ParticipantPage />} />
      {/* registration: public pages, no account */}
      <Route path="/r/:token" element={<RegisterPage />} />
      <Route path="/r/status/:token" element={<RegistrationStatusPage />} />
      {/* live-ui: the projector view has no staff shell around it */}
      <Route path="/sessions/:id/screen" element={<BigScreen />} />
      <Route element={<StaffShell />}>
        <Route index element={<Navigate to="/sessions" replace />} />
        <Route path="/sessions" element={<SessionListPage />} />
        <Route path="/sessions/new" element={<SessionEditor />} />
        {/* attendance */}
        <Route path="/sessions/:id/attendance" element={<AttendancePage />} />
        <Route path="/sessions/:id/points/:pointId/check-in" element={<CheckInPage />} />
        <Route path="/sessions/:id/:tab?" element={<SessionEditor />} />
        {/* live-ui: main-hall console and point console */}
        <Route path="/sessions/:id/live" element={<MainHallConsole />} />
        <Route path="/sessions/:id/points/:pointId/console" element={<PointConsole />} />
        <Route path="/units" element={<UnitsPage />} />
        <Route path="/feedback-templates" element={<TemplatesPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}

function NotFound() {
  const { t } = useI18n()
  return (
    <div className="page">
      <h1>{t('app.notFound')}</h1>
      <p>
        <Link to="/sessions">{t('app.backHome')}</Link>
      </p>
    </div>
  )
}
