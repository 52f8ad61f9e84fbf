import { expect, test, type Page } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createPoint,
  createSession,
  createUnitTree,
  shot,
  signIn,
  unique,
} from '../support/helpers'

const VIEWPORTS = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const

/** Nothing may push the page sideways: wide tables scroll inside their own box or become cards. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(1)
}

test('main screens render on a desktop and on a phone (screenshots for review)', async ({
  page,
}) => {
  await signIn(page, 'organizer')
  const { districts } = await createUnitTree(page)
  const title = unique('Hội nghị trực tuyến quán triệt Nghị quyết Đại hội Đảng bộ tỉnh')
  const session = await createSession(page, title)
  const point = await createPoint(page, session.id, { unitId: districts[0]!.id })
  const file = join(mkdtempSync(join(tmpdir(), 'diemcau-screens-')), 'danh-sach.csv')
  writeFileSync(
    file,
    [
      'DANH SÁCH ĐẠI BIỂU',
      'STT,Họ và tên,Chức vụ,Đơn vị,Thành phần,Điểm cầu',
      `1,Nguyễn Hữu Quất,Bí thư Huyện ủy,Huyện ủy Phú Lương,Đại biểu chính thức,${point.name}`,
      '2,,Chuyên viên,Văn phòng Tỉnh ủy,Khách mời,',
      '3,Trần Thị Ánh,Trưởng ban,Huyện ủy Đồng Hỷ,Đại biểu chính thức,Không có điểm cầu này',
    ].join('\r\n'),
    'utf8',
  )

  for (const vp of VIEWPORTS) {
    await page.setViewportSize({ width: vp.width, height: vp.height })

    await page.goto(`/sessions?q=${encodeURIComponent(title)}`)
    await expect(page.getByRole('link', { name: title })).toBeVisible()
    await expectNoSidewaysScroll(page)
    await shot(page, `${vp.name}-session-list`)

    await page.goto(`/sessions/${session.id}`)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expectNoSidewaysScroll(page)
    await shot(page, `${vp.name}-session-editor`)

    await page.goto(`/sessions/${session.id}/roster`)
    await page.getByRole('button', { name: 'Nhập danh sách từ tệp' }).click()
    await page.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(file)
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()
    await expect(page.getByText('Tổng 3 dòng: 1 hợp lệ, 2 lỗi.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Nhập', exact: true })).toBeDisabled()
    await expectNoSidewaysScroll(page)
    await shot(page, `${vp.name}-roster-import-errors`)
  }
})
