import { expect, test } from '@playwright/test'
import { shot, signIn, unique, statusMessage } from '../support/helpers'

test('organizer signs in, creates a session with a Vietnamese title, edits and schedules it', async ({
  page,
}) => {
  await signIn(page, 'organizer')
  await expect(page.getByRole('heading', { name: 'Danh sách hội nghị' })).toBeVisible()

  const title = unique('Hội nghị tập huấn công tác bảo vệ chính trị nội bộ')
  await page.getByRole('link', { name: /Tạo hội nghị/ }).click()
  await expect(page.getByRole('heading', { name: 'Tạo hội nghị mới' })).toBeVisible()

  // Validation first: an empty title is refused next to the input, and nothing is created.
  await page.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Vui lòng nhập tên hội nghị.')).toBeVisible()
  await expect(page.getByLabel('Tên hội nghị')).toHaveAttribute('aria-invalid', 'true')

  await page.getByLabel('Tên hội nghị').fill(title)
  await page.getByLabel('Loại hình').selectOption('TRAINING')
  await page.getByLabel('Bắt đầu').fill('2031-03-05T08:00')
  await page.getByLabel('Kết thúc').fill('2031-03-05T07:00')
  await page.getByRole('button', { name: 'Lưu' }).click()
  await expect(page.getByText('Thời gian kết thúc phải sau thời gian bắt đầu.')).toBeVisible()
  await page.getByLabel('Kết thúc').fill('2031-03-05T11:30')
  await page.getByLabel('Địa điểm').fill('Hội trường lớn Tỉnh ủy')
  await page.getByRole('button', { name: 'Lưu' }).click()

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page).toHaveURL(/\/sessions\/\d+$/)
  await expect(page.locator('.session-head .badge')).toHaveText('Bản nháp')
  // Stored in UTC, shown back in Vietnam time.
  await expect(page.getByLabel('Bắt đầu')).toHaveValue('2031-03-05T08:00')
  await expect(page.locator('.session-sub time')).toContainText('08:00 05/03/2031')

  const edited = `${title} (sửa đổi)`
  await page.getByLabel('Tên hội nghị').fill(edited)
  await page.getByLabel('Mô tả').fill('Quán triệt Quy định 126-QĐ/TW và Hướng dẫn 19-HD/BTCTW.')
  await page.getByRole('button', { name: 'Lưu' }).click()
  await expect(statusMessage(page)).toContainText('Đã lưu.')
  await expect(page.getByRole('heading', { level: 1, name: edited })).toBeVisible()

  await page.getByRole('button', { name: 'Lên lịch' }).click()
  await expect(page.locator('.session-head .badge')).toHaveText('Đã lên lịch')
  // Back and forth: each action must hold the version the previous one left.
  await page.getByRole('button', { name: 'Hủy lịch' }).click()
  await expect(page.locator('.session-head .badge')).toHaveText('Bản nháp')
  await page.getByRole('button', { name: 'Lên lịch' }).click()
  await expect(page.locator('.session-head .badge')).toHaveText('Đã lên lịch')
  await expect(page.getByRole('button', { name: 'Hủy lịch' })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
  await shot(page, 'session-editor')

  // Cancelling asks first; restoring brings it back as a draft.
  await page.getByRole('button', { name: 'Hủy hội nghị' }).click()
  const dialog = page.getByRole('dialog', { name: 'Hủy hội nghị?' })
  await expect(dialog).toContainText(edited)
  await dialog.getByRole('button', { name: 'Hủy bỏ' }).click()
  await expect(page.locator('.session-head .badge')).toHaveText('Đã lên lịch')

  // The list finds it, with its status badge.
  await page.getByRole('link', { name: '← Danh sách hội nghị' }).click()
  await page.getByLabel('Tìm theo tên hội nghị').fill(edited)
  const row = page.getByRole('row').filter({ hasText: edited })
  await expect(row).toBeVisible()
  await expect(row.locator('.badge')).toHaveText('Đã lên lịch')
  await shot(page, 'session-list')
})
