import { useI18n } from '../i18n'

interface Props {
  /** What the row is, for the buttons' accessible names ("Sửa: Huyện Gio Linh"). */
  name: string
  onEdit: () => void
  onDelete: () => void
}

/** The edit and delete buttons of a list row. */
export function EditDeleteButtons({ name, onEdit, onDelete }: Props) {
  const { t } = useI18n()
  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        onClick={onEdit}
        aria-label={`${t('common.edit')}: ${name}`}
      >
        {t('common.edit')}
      </button>
      <button
        type="button"
        className="btn btn-small btn-danger-outline"
        onClick={onDelete}
        aria-label={`${t('common.delete')}: ${name}`}
      >
        {t('common.delete')}
      </button>
    </>
  )
}
