import { expect, test } from '@playwright/test'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RUN, shot, signIn, unique, statusMessage } from '../support/helpers'

test('organizer keeps the unit tree: add, add below, find without diacritics, retire, restore, import', async ({
  page,
}) => {
  await signIn(page, 'organizer', '/units')
  await expect(page.getByRole('heading', { name: 'Danh mục đơn vị' })).toBeVisible()

  const province = unique('Tỉnh Bắc Kạn')
  await page.getByRole('button', { name: '+ Thêm đơn vị' }).click()
  let dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' })
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog.getByText('Vui lòng nhập tên đơn vị.')).toBeVisible()
  await dialog.getByLabel('Tên đơn vị').fill(province)
  await dialog.getByLabel('Mã đơn vị').fill(`BK${RUN}`)
  await dialog.getByRole('combobox', { name: 'Cấp', exact: true }).selectOption('PROVINCE')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.unit-row').filter({ hasText: province })).toBeVisible()

  const district = unique('Huyện Chợ Đồn')
  await page.getByRole('button', { name: `Thêm đơn vị cấp dưới: ${province}` }).click()
  dialog = page.getByRole('dialog', { name: 'Thêm đơn vị cấp dưới' })
  await dialog.getByLabel('Tên đơn vị').fill(district)
  await expect(dialog.getByRole('combobox', { name: 'Cấp', exact: true })).toHaveValue('DISTRICT')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()

  // Without diacritics, found at any depth and shown with its full path.
  const search = page.getByLabel('Tìm đơn vị (không cần dấu)')
  await search.fill(`huyen cho don ${district.split(' ').pop()}`)
  const found = page.locator('.unit-row')
  await expect(found).toHaveCount(1)
  await expect(found).toContainText(`${province} › ${district}`)

  // Retire hides it from the default view; restore brings it back.
  await page.getByRole('button', { name: `Ngừng sử dụng: ${district}` }).click()
  await page
    .getByRole('dialog', { name: 'Ngừng sử dụng đơn vị?' })
    .getByRole('button', { name: 'Ngừng sử dụng' })
    .click()
  await expect(found).toHaveCount(0)
  await page.getByLabel('Hiện cả đơn vị đã ngừng sử dụng').check()
  await expect(found).toHaveCount(1)
  await expect(found).toContainText('Đã ngừng sử dụng')
  await found.getByRole('button', { name: 'Dùng lại' }).click()
  await expect(found).not.toContainText('Đã ngừng sử dụng')

  // Import: a clean file goes in; a broken one is refused row by row.
  const dir = mkdtempSync(join(tmpdir(), 'diemcau-units-'))
  const good = join(dir, 'don-vi.csv')
  const header = 'Mã đơn vị,Tên đơn vị,Cấp,Mã đơn vị cấp trên'
  writeFileSync(
    good,
    [
      header,
      `NR${RUN},Huyện Na Rì ${RUN},Huyện,BK${RUN}`,
      `CM${RUN},Xã Cư Lễ ${RUN},Xã,NR${RUN}`,
    ].join('\r\n') + '\r\n',
    'utf8',
  )
  await page.getByRole('button', { name: 'Nhập danh mục từ tệp' }).click()
  await page.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(good)
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()
  await expect(page.getByText('Tổng 2 dòng: 2 hợp lệ, 0 lỗi.')).toBeVisible()
  await page.getByRole('button', { name: 'Nhập', exact: true }).click()
  await expect(statusMessage(page)).toContainText('Đã nhập: 2 đơn vị mới')
  await search.fill(`xa cu le ${RUN}`)
  await expect(found).toContainText(`${province} › Huyện Na Rì ${RUN} › Xã Cư Lễ ${RUN}`)

  const broken = join(dir, 'don-vi-loi.csv')
  writeFileSync(
    broken,
    [
      header,
      `PN${RUN},Huyện Pác Nặm ${RUN},Vương quốc,BK${RUN}`,
      `BB${RUN},Xã Bộc Bố ${RUN},Xã,KHONGCO${RUN}`,
    ].join('\r\n') + '\r\n',
    'utf8',
  )
  await page.getByLabel('Chọn tệp (.csv, .xlsx)').setInputFiles(broken)
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click()
  await expect(page.getByText('Tổng 2 dòng: 0 hợp lệ, 2 lỗi.')).toBeVisible()
  const errorRows = page.getByRole('table', { name: 'Các dòng trong tệp' }).locator('tr.row-error')
  await expect(errorRows).toHaveCount(2)
  await expect(errorRows.nth(0)).toContainText('Vương quốc')
  await expect(errorRows.nth(1)).toContainText(`KHONGCO${RUN}`)
  await expect(page.getByRole('button', { name: 'Nhập', exact: true })).toBeDisabled()
  await shot(page, 'units-import-errors')
})
