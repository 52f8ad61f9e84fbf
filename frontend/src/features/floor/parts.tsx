import type { MessageKey } from '../../i18n'
import type { FloorRequestView } from '../../live/messages'
import { minutesWaited } from './floorState'

/** "Nguyễn Văn Ánh – Điểm cầu Gio Linh", or the point alone when it asks as a whole. */
export function who(r: FloorRequestView): string {
  return r.delegateName ? `${r.delegateName} – ${r.pointName}` : r.pointName
}

export function Waited({
  since,
  now,
  t,
}: {
  since: string
  now: number
  t: (k: MessageKey, p?: Record<string, string | number>) => string
}) {
  return (
    <time className="floor-waited" dateTime={since}>
      {t('floor.waited', { minutes: minutesWaited(since, now) })}
    </time>
  )
}
