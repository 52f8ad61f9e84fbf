import { useI18n } from '../i18n'

interface Props {
  page: number
  size: number
  total: number
  onPage: (page: number) => void
}

export function Pager({ page, size, total, onPage }: Props) {
  const { t } = useI18n()
  const pages = Math.max(1, Math.ceil(total / size))
  if (pages <= 1) return null
  return (
    <nav className="pager" aria-label={t('common.pager')}>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onPage(page - 1)}
        disabled={page <= 0}
      >
        ‹ {t('common.prev')}
      </button>
      <span aria-current="page">{t('common.page', { page: page + 1, pages })}</span>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onPage(page + 1)}
        disabled={page + 1 >= pages}
      >
        {t('common.next')} ›
      </button>
    </nav>
  )
}
