import { expect, test } from '@playwright/test'
import { createSession, signIn, unique } from '../support/helpers'

test('an observer sees sessions read-only', async ({ page, browser }) => {
  // The organizer prepares a session; the observer (a separate browser) may only look at it.
  await signIn(page, 'organizer')
  const title = unique('Hội nghị để theo dõi')
  const session = await createSession(page, title)

  const context = await browser.newContext()
  const observer = await context.newPage()
  await signIn(observer, 'observer')
  await expect(observer.getByText('Theo dõi', { exact: true })).toBeVisible()
  await expect(observer.getByRole('link', { name: /Tạo hội nghị/ })).toHaveCount(0)

  await observer.goto(`/sessions/${session.id}`)
  await expect(observer.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(observer.getByText('Bạn chỉ có quyền xem.')).toBeVisible()
  await expect(observer.getByLabel('Tên hội nghị')).toBeDisabled()
  await expect(observer.getByRole('button', { name: 'Lưu' })).toHaveCount(0)
  await expect(observer.getByRole('button', { name: 'Lên lịch' })).toHaveCount(0)
  await observer.getByRole('link', { name: 'Điểm cầu' }).last().click()
  await expect(observer.getByRole('heading', { name: 'Điểm cầu', level: 2 })).toBeVisible()
  await expect(observer.getByRole('button', { name: '+ Thêm điểm cầu' })).toHaveCount(0)
  await context.close()
})

test('the English switch is remembered and server messages follow it', async ({ page }) => {
  await signIn(page, 'organizer')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible()
  // Problem details come back in the UI language.
  await page.goto('/sessions/987654321')
  // (The id is formatted by the server's MessageFormat, "987,654,321": see the report.)
  await expect(page.getByRole('alert')).toContainText(/Session [\d,.]+ was not found\./)

  await page.getByRole('button', { name: 'Tiếng Việt' }).click()
  await expect(page.getByRole('link', { name: '← Danh sách hội nghị' })).toBeVisible()
})
