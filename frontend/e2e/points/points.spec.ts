import { expect, test } from '@playwright/test'
import {
  createSession,
  createUnitTree,
  shot,
  signIn,
  unique,
  statusMessage,
} from '../support/helpers'

test('organizer adds points: main hall listed first, then the districts in bulk', async ({
  page,
}) => {
  await signIn(page, 'organizer')
  const { province, districts } = await createUnitTree(page)
  const session = await createSession(page, unique('Hội nghị trực tuyến toàn tỉnh'))

  await page.goto(`/sessions/${session.id}/points`)
  await expect(page.getByRole('heading', { name: 'Điểm cầu', level: 2 })).toBeVisible()
  await expect(page.getByText('Chưa có điểm cầu nào.')).toBeVisible()

  // A district point first, then the main hall: the table must still list the main hall first.
  await page.getByRole('button', { name: '+ Thêm điểm cầu' }).click()
  let dialog = page.getByRole('dialog', { name: 'Thêm điểm cầu' })
  await dialog.getByLabel('Lọc đơn vị').fill(districts[0]!.name)
  await dialog.getByLabel('Đơn vị', { exact: true }).selectOption({ label: districts[0]!.path })
  await dialog.getByLabel('Số người dự kiến').fill('45')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('row').filter({ hasText: districts[0]!.name })).toBeVisible()

  const hall = unique('Hội trường lớn Tỉnh ủy')
  await page.getByRole('button', { name: '+ Thêm điểm cầu' }).click()
  dialog = page.getByRole('dialog', { name: 'Thêm điểm cầu' })
  await dialog.getByLabel('Lọc đơn vị').fill(province.name)
  await dialog.getByLabel('Đơn vị', { exact: true }).selectOption({ label: province.path })
  await dialog.getByLabel('Tên điểm cầu').fill(hall)
  await dialog.getByLabel('Điểm cầu chính (hội trường)').check()
  await dialog.getByLabel('Số người dự kiến').fill('120')
  await dialog.getByLabel('Người vận hành (tên đăng nhập)').fill('operator@example.com')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()

  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText(hall)
  await expect(rows.first()).toContainText('Điểm cầu chính')
  await expect(rows.first()).toContainText('operator@example.com')

  // Bulk: every district under the province; the one that already has a point is skipped.
  await page.getByRole('button', { name: 'Tạo điểm cầu hàng loạt' }).click()
  dialog = page.getByRole('dialog', { name: 'Tạo điểm cầu hàng loạt' })
  await dialog.getByLabel('Lọc đơn vị').fill(province.name)
  await dialog.getByLabel('Đơn vị cấp trên').selectOption({ label: province.path })
  await dialog.getByLabel('Cấp của các điểm cầu').selectOption('DISTRICT')
  await expect(dialog.getByText('Sẽ tạo tối đa 1 điểm cầu')).toBeVisible()
  await dialog.getByRole('button', { name: 'Tạo điểm cầu' }).click()
  await expect(statusMessage(page)).toContainText('Đã tạo 1 điểm cầu, bỏ qua 1 đơn vị đã có.')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toContainText(hall)
  await expect(page.getByRole('row').filter({ hasText: districts[1]!.name })).toBeVisible()
  await shot(page, 'points')
})
