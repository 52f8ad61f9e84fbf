// The live part of the participant's phone page (/p): the item running now and what comes next,
// through the dc_invitation cookie. Other features add a panel with ONE line in PANELS below:
// a component taking { sessionId, live } (LivePanelProps).
import { FeedbackPanel } from '../feedback/FeedbackPanel'
import { PollVotePanel } from '../poll/PollVotePanel'
import { AskQuestionPanel } from '../floor/AskQuestionPanel'
import { useI18n } from '../../i18n'
import { currentItem, upcomingItems, useLive } from '../../live'
import { ConnectionBadge, NowAndNext, Panels, type LivePanel } from './LiveParts'
import { DocumentsPanel } from '../documents/DocumentsPanel'

const PANELS: readonly LivePanel[] = [
  AskQuestionPanel, // floor
  // Other features: one line each, e.g. PollVotePanel,
  DocumentsPanel,
  PollVotePanel,
  FeedbackPanel,
]

export function ParticipantLive({ sessionId }: { sessionId: number }) {
  const { t } = useI18n()
  const live = useLive(sessionId)
  const state = live.state
  if (live.final) return null
  return (
    <section className="participant-live" aria-labelledby="p-live-h" data-testid="participant-live">
      <h2 id="p-live-h" className="visually-hidden">
        {t('live.links')}
      </h2>
      <ConnectionBadge live={live} />
      {!state ? (
        <p role="status">{t('live.loading')}</p>
      ) : (
        <>
          {state.session.status === 'SCHEDULED' && (
            <p className="banner banner-info">{t('live.participant.notStarted')}</p>
          )}
          {state.session.status === 'ENDED' && (
            <p className="banner banner-info">{t('live.participant.ended')}</p>
          )}
          <div aria-live="polite">
            <NowAndNext current={currentItem(state)} next={upcomingItems(state)[0]} />
          </div>
          <Panels panels={PANELS} sessionId={sessionId} live={live} />
        </>
      )}
    </section>
  )
}
