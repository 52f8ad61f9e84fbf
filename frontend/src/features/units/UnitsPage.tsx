import { useEffect, useMemo, useState } from 'react'
import { api } from '../../api'
import type { UnitView } from '../../api/types'
import { useAuth } from '../../app/auth'
import { useI18n } from '../../i18n'
import { useDebounced, useLoad } from '../../lib/hooks'
import { ConfirmDialog } from '../../ui/Dialog'
import { ImportPreview } from '../../ui/ImportPreview'
import { ProblemBanner } from '../../ui/ProblemBanner'
import { useStatus } from '../../ui/Status'
import { buildTree, type UnitNode } from './tree'
import { UnitDialog } from './UnitDialog'

type Pending =
  | { kind: 'edit'; unit: UnitView }
  | { kind: 'add'; parent: UnitView | null }
  | { kind: 'retire' | 'delete'; unit: UnitView }

export function UnitsPage() {
  const { t } = useI18n()
  const { canEdit } = useAuth()
  const { announce } = useStatus()
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [includeRetired, setIncludeRetired] = useState(false)
  const [importing, setImporting] = useState(false)
  const [pending, setPending] = useState<Pending | null>(null)
  const [expanded, setExpanded] = useState<Set<number>>(new Set())
  const [actionError, setActionError] = useState<unknown>(null)
  const units = useLoad(() => api.units.list({ q, includeRetired }), `${q}|${includeRetired}`)
  // While searching, matches may sit at any depth: show them flat with their full path.
  const roots = useMemo(() => (q ? null : buildTree(units.data ?? [])), [q, units.data])

  useEffect(() => {
    document.title = `${t('units.title')} · ${t('app.name')}`
  }, [t])

  function toggle(id: number) {
    setExpanded((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }

  async function restore(unit: UnitView) {
    setActionError(null)
    try {
      await api.units.restore(unit.id, unit.version)
      announce(t('common.saved'))
      units.reload()
    } catch (e) {
      setActionError(e)
    }
  }

  const actions = (u: UnitView) =>
    canEdit && (
      <span className="unit-actions">
        {!u.retired && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setPending({ kind: 'add', parent: u })}
            aria-label={`${t('units.addChild')}: ${u.name}`}
          >
            +
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setPending({ kind: 'edit', unit: u })}
          aria-label={`${t('common.edit')}: ${u.name}`}
        >
          {t('common.edit')}
        </button>
        {u.retired ? (
          <button type="button" className="btn btn-small" onClick={() => restore(u)}>
            {t('units.restore')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setPending({ kind: 'retire', unit: u })}
            aria-label={`${t('units.retire')}: ${u.name}`}
          >
            {t('units.retire')}
          </button>
        )}
        {u.childCount === 0 && (
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => setPending({ kind: 'delete', unit: u })}
            aria-label={`${t('common.delete')}: ${u.name}`}
          >
            {t('common.delete')}
          </button>
        )}
      </span>
    )

  const label = (u: UnitView, showPath: boolean) => (
    <span className="unit-label">
      <span className={`unit-name${u.retired ? ' retired' : ''}`}>
        {showPath ? u.path : u.name}
      </span>
      <span className="badge badge-level">{t(`level.${u.level}`)}</span>
      {u.code && <span className="muted mono">{u.code}</span>}
      {u.retired && <span className="badge badge-cancelled">{t('units.retired')}</span>}
    </span>
  )

  const renderNode = (node: UnitNode, depth: number) => {
    const u = node.unit
    // Roots start open, deeper levels closed; a click flips whichever default applies.
    const open = expanded.has(u.id) !== (depth === 0)
    return (
      <li key={u.id}>
        <div className="unit-row">
          {node.children.length > 0 ? (
            <button
              type="button"
              className="tree-toggle"
              aria-expanded={open}
              aria-label={
                open ? t('units.collapse', { name: u.name }) : t('units.expand', { name: u.name })
              }
              onClick={() => toggle(u.id)}
            >
              {open ? '▾' : '▸'}
            </button>
          ) : (
            <span className="tree-leaf" aria-hidden="true" />
          )}
          {label(u, false)}
          {actions(u)}
        </div>
        {open && node.children.length > 0 && (
          <ul>{node.children.map((c) => renderNode(c, depth + 1))}</ul>
        )}
      </li>
    )
  }

  const list = units.data ?? []
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('units.title')}</h1>
        {canEdit && (
          <div className="section-actions">
            <button
              type="button"
              className="btn"
              aria-expanded={importing}
              onClick={() => setImporting((v) => !v)}
            >
              {t('units.import')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setPending({ kind: 'add', parent: null })}
            >
              + {t('units.add')}
            </button>
          </div>
        )}
      </div>
      {importing && canEdit && (
        <div className="panel">
          <h2>{t('units.import')}</h2>
          <ImportPreview
            preview={api.units.previewImport}
            commit={api.units.import}
            doneText={(r) => t('units.importDone', r)}
            onImported={units.reload}
          />
        </div>
      )}
      <div className="toolbar" role="search">
        <div className="field field-grow">
          <label htmlFor="unit-search">{t('units.search')}</label>
          <input
            id="unit-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="checkbox">
          <input
            id="unit-retired"
            type="checkbox"
            checked={includeRetired}
            onChange={(e) => setIncludeRetired(e.target.checked)}
          />
          <label htmlFor="unit-retired">{t('units.showRetired')}</label>
        </div>
      </div>
      <ProblemBanner error={units.error ?? actionError} onRetry={units.reload} />
      {units.data && list.length === 0 && <p className="empty">{t('units.empty')}</p>}
      {roots ? (
        <ul className="tree" aria-label={t('units.tree')}>
          {roots.map((n) => renderNode(n, 0))}
        </ul>
      ) : (
        <ul className="tree tree-flat" aria-label={t('units.tree')}>
          {list.map((u) => (
            <li key={u.id}>
              <div className="unit-row">
                {label(u, true)}
                {actions(u)}
              </div>
            </li>
          ))}
        </ul>
      )}

      {(pending?.kind === 'add' || pending?.kind === 'edit') && (
        <UnitDialog
          unit={pending.kind === 'edit' ? pending.unit : null}
          parent={pending.kind === 'add' ? pending.parent : null}
          onClose={() => setPending(null)}
          onSaved={() => {
            setPending(null)
            announce(t('common.saved'))
            units.reload()
          }}
        />
      )}
      {pending?.kind === 'retire' && (
        <ConfirmDialog
          title={t('units.retireConfirm.title')}
          body={<p>{t('units.retireConfirm.body', { name: pending.unit.name })}</p>}
          confirmLabel={t('units.retire')}
          danger
          onConfirm={async () => {
            await api.units.retire(pending.unit.id, pending.unit.version)
            announce(t('common.saved'))
            units.reload()
          }}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog
          title={t('units.deleteConfirm.title')}
          body={<p>{t('units.deleteConfirm.body', { name: pending.unit.name })}</p>}
          confirmLabel={t('common.delete')}
          danger
          onConfirm={async () => {
            await api.units.remove(pending.unit.id)
            announce(t('common.deleted'))
            units.reload()
          }}
          onClose={() => setPending(null)}
        />
      )}
    </div>
  )
}
