import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { DataTable } from './DataTable'

interface Row {
  id: number
  name: string
  count: number
}

const rows: Row[] = [
  { id: 1, name: 'Nguyễn Thị Lan', count: 3 },
  { id: 2, name: 'Trần Văn Đức', count: 12 },
]

function html(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(
    <DataTable<Row>
      label="Danh sách đại biểu"
      rows={rows}
      rowKey={(r) => r.id}
      empty="Chưa có đại biểu"
      columns={[
        { label: 'Họ và tên', render: (r) => <span className="row-title">{r.name}</span> },
        { label: 'Số lượng', num: true, render: (r) => r.count },
        false,
        { label: 'Thao tác', className: 'actions', render: (r) => `#${r.id}` },
      ]}
      {...props}
    />,
  )
}

describe('DataTable', () => {
  it('names the table, scopes the headers and labels every cell for the card layout', () => {
    const out = html({ busy: false })
    expect(out).toContain('<div class="table-wrap"><table class="table table-cards"')
    expect(out).toContain('aria-label="Danh sách đại biểu"')
    expect(out).toContain('aria-busy="false"')
    expect(out).toContain(
      '<th scope="col">Họ và tên</th><th scope="col" class="num">Số lượng</th><th scope="col">Thao tác</th>',
    )
    expect(out).toContain(
      '<td data-label="Họ và tên"><span class="row-title">Nguyễn Thị Lan</span></td>' +
        '<td data-label="Số lượng" class="num">3</td><td data-label="Thao tác" class="actions">#1</td>',
    )
    expect(out.match(/<tr>/g)).toHaveLength(3)
  })

  it('says the empty text instead of an empty table, and shows nothing before loading', () => {
    expect(html({ rows: [] })).toBe('<p class="empty" role="status">Chưa có đại biểu</p>')
    expect(html({ rows: [], empty: undefined })).toBe('')
    expect(html({ rows: undefined })).toBe('')
  })

  it('takes extra classes for the table and for rows', () => {
    const out = html({
      cards: false,
      className: 'documents-table',
      rowClassName: (r) => (r.id === 1 ? 'row-main' : undefined),
    })
    expect(out).toContain('<table class="table documents-table"')
    expect(out).toContain('<tr class="row-main">')
  })
})
