import type { Key, ReactNode } from 'react'

export interface Column<T> {
  /** Header text; also the label a cell shows when the table folds into cards on a phone. */
  label: string
  render: (row: T) => ReactNode
  /** Class of the cells (e.g. 'actions'). */
  className?: string
  /** Right-aligned tabular figures, header included. */
  num?: boolean
}

interface Props<T> {
  /** The table's accessible name (aria-label). */
  label: string
  /** The rows; undefined until loaded (then nothing is shown). */
  rows: readonly T[] | undefined
  rowKey: (row: T, index: number) => Key
  /** A falsy entry is a column this user does not get (e.g. actions in read-only mode). */
  columns: readonly (Column<T> | false | null | undefined)[]
  /** Said instead of the table when there are no rows; without it an empty list shows nothing. */
  empty?: ReactNode
  busy?: boolean
  /** Fold into one card per row on narrow screens (default). */
  cards?: boolean
  className?: string
  rowClassName?: (row: T) => string | undefined
}

/**
 * The list table of a tab: empty state, scroll wrapper, header row with column scopes, and a
 * cell per column labelled for the card layout. Cells are what the feature renders.
 */
export function DataTable<T>({
  label,
  rows,
  rowKey,
  columns,
  empty,
  busy,
  cards = true,
  className,
  rowClassName,
}: Props<T>) {
  if (!rows) return null
  if (rows.length === 0) {
    return empty ? (
      <p className="empty" role="status">
        {empty}
      </p>
    ) : null
  }
  const cols = columns.filter((c): c is Column<T> => Boolean(c))
  const tableClass = ['table', cards && 'table-cards', className].filter(Boolean).join(' ')
  return (
    <div className="table-wrap">
      <table className={tableClass} aria-label={label} aria-busy={busy}>
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className={rowClassName?.(row)}>
              {cols.map((c) => (
                <td
                  key={c.label}
                  data-label={c.label}
                  className={[c.num && 'num', c.className].filter(Boolean).join(' ') || undefined}
                >
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
