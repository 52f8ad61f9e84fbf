import { expect, test } from '@playwright/test'
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
  statusMessage,
} from '../support/helpers'

/** A CSV as an office exports it: UTF-8, a title row above the Vietnamese header. */
function csv(lines: string[][]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return lines.map((l) => l.map(quote).join(',')).join('\r\n') + '\r\n'
}

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Thành phần', 'Điểm cầu']

test('organizer imports a roster CSV, finds a name without diacritics, and sees a broken file refused', async ({
  page,
}) => {
  await signIn(page, 'organizer')
  const { districts } = await createUnitTree(page)
  const session = await createSession(page, unique('Lớp bồi dưỡng nghiệp vụ'))
  const pointA = await createPoint(page, session.id, { unitId: districts[0]!.id })
  const pointB = await createPoint(page, session.id, { unitId: districts[1]!.id })

  const tag = unique('').trim()
  const people = [
    [
      `Nguyễn Hữu Quất ${tag}`,
      'Bí thư Huyện ủy',
      'Huyện ủy Phú Lương',
      'Đại biểu chính thức',
      pointA.name,
    ],
    [
      `Trần Thị Ánh ${tag}`,
      'Trưởng ban Tổ chức',
      'Huyện ủy Đồng Hỷ',
      'Đại biểu chính thức',
      pointB.name,
    ],
    [`Đặng Văn Đức ${tag}`, 'Chuyên viên', 'Ban Tổ chức Tỉnh ủy', 'Khách mời', pointA.name],
  ]
  const dir = mkdtempSync(join(tmpdir(), 'diemcau-e2e-'))
  const good = join(dir, 'danh-sach-dai-bieu.csv')
  writeFileSync(
    good,
    csv([
      ['DANH SÁCH ĐẠI BIỂU DỰ LỚP BỒI DƯỠNG'],
      HEADER,
      ...people.map((p, i) => [String(i + 1), ...p]),
    ]),
    'utf8',
  )

  await page.goto(`/sessions/${session.id}/roster`)
  await expect(page.getByText('Chưa có đại biểu nào.')).toBeVisible()
  await page.getByRole('button', { name: 'Nhập danh sách từ tệp' }).click()
  await page.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(good)
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()

  await expect(page.getByText('Tổng 3 dòng: 3 hợp lệ, 0 lỗi.')).toBeVisible()
  const preview = page.getByRole('table', { name: 'Các dòng trong tệp' })
  await expect(preview.getByRole('columnheader', { name: 'Họ và tên' })).toBeVisible()
  await expect(preview).toContainText(people[0]![0]!)
  const importButton = page.getByRole('button', { name: 'Nhập', exact: true })
  await expect(importButton).toBeEnabled()
  await importButton.click()
  await expect(statusMessage(page)).toContainText('Đã nhập 3 đại biểu.')

  const roster = page.getByRole('table', { name: 'Danh sách đại biểu' })
  for (const p of people) await expect(roster).toContainText(p[0]!)
  await expect(page.getByText('3 đại biểu', { exact: true })).toBeVisible()

  // Typed without diacritics, still found.
  await page.getByLabel('Tìm họ tên (gõ không dấu cũng được)').fill(`nguyen huu quat ${tag}`)
  await expect(roster.locator('tbody tr')).toHaveCount(1)
  await expect(roster).toContainText(`Nguyễn Hữu Quất ${tag}`)
  await page.getByLabel('Tìm họ tên (gõ không dấu cũng được)').fill(`dang van duc`)
  await expect(roster.locator('tbody tr')).toHaveCount(1)
  await expect(roster).toContainText(`Đặng Văn Đức ${tag}`)
  await page.getByLabel('Tìm họ tên (gõ không dấu cũng được)').fill('')
  await expect(roster.locator('tbody tr')).toHaveCount(3)

  // A broken file: a row without a name and one with a point this session does not have.
  const broken = join(dir, 'danh-sach-loi.csv')
  writeFileSync(
    broken,
    csv([
      ['DANH SÁCH ĐẠI BIỂU'],
      HEADER,
      ['1', `Lê Văn Hùng ${tag}`, 'Phó Bí thư', 'Đảng ủy xã', 'Đại biểu chính thức', pointA.name],
      ['2', '', 'Chuyên viên', 'Văn phòng', 'Khách mời', pointB.name],
      [
        '3',
        `Phạm Thị Lan ${tag}`,
        'Chuyên viên',
        'Văn phòng',
        'Khách mời',
        'Điểm cầu không tồn tại',
      ],
    ]),
    'utf8',
  )
  await page.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(broken)
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()
  await expect(page.getByText('Tổng 3 dòng: 1 hợp lệ, 2 lỗi.')).toBeVisible()
  const errorRows = page.getByRole('table', { name: 'Các dòng trong tệp' }).locator('tr.row-error')
  await expect(errorRows).toHaveCount(2)
  // Row numbers are the lines of the file (title row and header come first).
  await expect(errorRows.nth(0).getByRole('rowheader')).toHaveText('4')
  await expect(errorRows.nth(1).getByRole('rowheader')).toHaveText('5')
  await expect(errorRows.nth(1)).toContainText('Điểm cầu không tồn tại')
  await expect(errorRows.nth(0).locator('.error-text')).not.toHaveCount(0)
  await expect(errorRows.nth(1).locator('.error-text')).not.toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Nhập', exact: true })).toBeDisabled()
  await expect(page.getByText('Tệp còn lỗi.', { exact: false })).toBeVisible()
  await shot(page, 'roster-import-errors')

  // Nothing from the broken file reached the roster.
  await expect(roster.locator('tbody tr')).toHaveCount(3)
  await expect(roster).not.toContainText(`Lê Văn Hùng ${tag}`)
})
