import type { Lang } from '../api/client'
import { useI18n } from '../i18n'

const LANGS: { lang: Lang; label: string; name: string }[] = [
  { lang: 'vi', label: 'VI', name: 'Tiếng Việt' },
  { lang: 'en', label: 'EN', name: 'English' },
]

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGS.map((l) => (
        <button
          key={l.lang}
          type="button"
          lang={l.lang}
          aria-pressed={lang === l.lang}
          aria-label={l.name}
          title={l.name}
          onClick={() => setLang(l.lang)}
        >
          {l.label}
        </button>
      ))}
    </div>
  )
}
