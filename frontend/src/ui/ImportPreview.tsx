import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import type { FieldError, ImportPreview as Preview } from '../api/types'
import { useI18n } from '../i18n'
import { problemOf } from './errors'
import { ProblemBanner } from './ProblemBanner'
import { useStatus } from './Status'

const SHOWN_ROWS = 300

interface Props<R> {
  preview: (file: File) => Promise<Preview>
  commit: (file: File) => Promise<R>
  doneText: (result: R) => string
  onImported: () => void
}

/**
 * The whole import step, shared by units and roster: choose a file, let the server check it,
 * show every row with its errors, and allow "Nhập" only for a file that will import cleanly.
 */
export function ImportPreview<R>({ preview, commit, doneText, onImported }: Props<R>) {
  const { t } = useI18n()
  const { announce } = useStatus()
  const inputId = useId()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<Preview | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<'checking' | 'importing' | null>(null)
  const [done, setDone] = useState<string | null>(null)

  async function check(e: FormEvent) {
    e.preventDefault()
    if (!file) return
    setBusy('checking')
    setError(null)
    setResult(null)
    setDone(null)
    try {
      setResult(await preview(file))
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  async function runImport() {
    if (!file) return
    setBusy('importing')
    setError(null)
    try {
      const text = doneText(await commit(file))
      setDone(text)
      announce(text)
      setResult(null)
      setFile(null)
      onImported()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(null)
    }
  }

  const canImport = !!result && result.ok && result.invalid === 0 && busy === null
  const problemErrors = problemOf(error)?.errors ?? []

  return (
    <section className="import" aria-label={t('import.title')}>
      <form className="import-form" onSubmit={check}>
        <div className="field">
          <label htmlFor={inputId}>{t('import.file')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setResult(null)
              setError(null)
              setDone(null)
            }}
          />
        </div>
        <button type="submit" className="btn" disabled={!file || busy !== null}>
          {busy === 'checking' ? t('import.checking') : t('import.preview')}
        </button>
      </form>

      {done && <p className="banner banner-success">{done}</p>}
      <ProblemBanner error={error} />
      {problemErrors.length > 0 && <ProblemErrorsTable errors={problemErrors} />}
      {result && <PreviewTable preview={result} />}

      {result && (
        <div className="import-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!canImport}
            aria-describedby={`${inputId}-state`}
            onClick={runImport}
          >
            {busy === 'importing' ? t('import.importing') : t('import.submit')}
          </button>
          <span id={`${inputId}-state`} className={canImport ? 'ok-text' : 'error-text'}>
            {result.ok && result.invalid === 0 ? t('import.ok') : t('import.blocked')}
          </span>
        </div>
      )}
    </section>
  )
}

function ProblemErrorsTable({ errors }: { errors: FieldError[] }) {
  const { t } = useI18n()
  return (
    <div className="table-wrap">
      <table className="table table-errors table-cards">
        <caption>{t('import.errorsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.field')}</th>
            <th scope="col">{t('import.col.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} className="row-error">
              <td data-label={t('import.col.field')}>{e.field ?? t('common.none')}</td>
              <td data-label={t('import.col.message')}>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Column order: as the server found them in the file, then anything else the rows carry. */
export function previewColumns(preview: Preview): string[] {
  const fields = Object.keys(preview.columns ?? {})
  for (const row of preview.rows) {
    for (const key of Object.keys(row.values ?? {})) if (!fields.includes(key)) fields.push(key)
  }
  return fields
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { t } = useI18n()
  const [onlyErrors, setOnlyErrors] = useState(false)
  const toggleId = useId()
  const columns = previewColumns(preview)
  const rows = onlyErrors ? preview.rows.filter((r) => r.errors.length > 0) : preview.rows
  const shown = rows.slice(0, SHOWN_ROWS)

  return (
    <div className="preview">
      <p className={`summary ${preview.invalid > 0 ? 'summary-bad' : 'summary-good'}`}>
        <strong>
          {t('import.summary', {
            total: preview.total,
            valid: preview.valid,
            invalid: preview.invalid,
          })}
        </strong>{' '}
        {preview.warningCount > 0 && t('import.warnings', { count: preview.warningCount })}
      </p>
      {preview.sheet && (
        <p className="hint">
          {t('import.sheet', { sheet: preview.sheet, row: preview.headerRow ?? '?' })}
        </p>
      )}
      {preview.invalid > 0 && (
        <div className="checkbox">
          <input
            id={toggleId}
            type="checkbox"
            checked={onlyErrors}
            onChange={(e) => setOnlyErrors(e.target.checked)}
          />
          <label htmlFor={toggleId}>{t('import.onlyErrors')}</label>
        </div>
      )}
      <div className="table-wrap">
        <table className="table table-preview table-cards">
          <caption>{t('import.rowsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.col.row')}</th>
              {columns.map((c) => (
                <th scope="col" key={c}>
                  {preview.columns?.[c] ?? c}
                </th>
              ))}
              <th scope="col">{t('import.col.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr
                key={r.row}
                className={r.errors.length ? 'row-error' : r.warnings.length ? 'row-warning' : ''}
              >
                <th scope="row" data-label={t('import.col.row')}>
                  {r.row}
                </th>
                {columns.map((c) => (
                  <td key={c} data-label={preview.columns?.[c] ?? c}>
                    {r.values?.[c] ?? ''}
                  </td>
                ))}
                <td data-label={t('import.col.errors')}>
                  {r.errors.length + r.warnings.length > 0 && (
                    <ul className="cell-list">
                      {r.errors.map((m, i) => (
                        <li key={`e${i}`} className="error-text">
                          {m}
                        </li>
                      ))}
                      {r.warnings.map((m, i) => (
                        <li key={`w${i}`} className="warning-text">
                          {m}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS && (
        <p className="hint">{t('import.truncated', { shown: SHOWN_ROWS, total: rows.length })}</p>
      )}
    </div>
  )
}
