import { expect, test } from '@playwright/test'
import {
  apiPost,
  createPoint,
  createSession,
  createUnitTree,
  signIn,
  shot,
  unique,
  phoneContext,
} from '../support/helpers'

test('a delegate opens the invitation link and sees their own session on a phone', async ({
  page,
  browser,
}) => {
  await signIn(page, 'organizer')
  const { districts } = await createUnitTree(page)
  const title = unique('Hội nghị quán triệt Nghị quyết')
  const session = await createSession(page, title)
  const point = await createPoint(page, session.id, { unitId: districts[0]!.id })
  const name = unique('Hoàng Thị Thu Hà')
  await apiPost(page.request, `/api/sessions/${session.id}/delegates`, {
    fullName: name,
    position: 'Phó Chủ tịch UBND huyện',
    unitName: 'UBND huyện Phú Lương',
    pointId: point.id,
  })

  // The organizer issues the link from the roster and copies it from the dialog.
  await page.goto(`/sessions/${session.id}/roster`)
  await page.getByRole('button', { name: `Tạo link mời: ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Link mời của ${name}` })
  const link = dialog.getByLabel('Đường dẫn mời')
  await expect(link).toHaveValue(/\/i\/\S+$/)
  const url = new URL(await link.inputValue())
  await dialog.locator('.dialog-actions').getByRole('button', { name: 'Đóng' }).click()
  await expect(page.getByRole('button', { name: `Sao chép link mời: ${name}` })).toBeVisible()

  // The delegate: another browser, no account, a phone-sized screen.
  const phone = await phoneContext(browser)
  const delegatePage = await phone.newPage()
  await delegatePage.goto(url.pathname)
  await expect(delegatePage).toHaveURL(/\/p$/)
  expect(delegatePage.url()).not.toContain(url.pathname.split('/').pop()!)
  await expect(delegatePage.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(delegatePage.getByRole('heading', { name: title, level: 2 })).toBeVisible()
  await expect(delegatePage.getByText(point.name)).toBeVisible()
  await expect(delegatePage.locator('.facts time').first()).toContainText('08:00')
  await expect(delegatePage.locator('.facts time').first()).toContainText('05/03/2031')

  // The cookie, not the token, keeps them in: a reload still shows their session.
  await delegatePage.reload()
  await expect(delegatePage.getByRole('heading', { name: title, level: 2 })).toBeVisible()
  await shot(delegatePage, 'participant-phone')
  await phone.close()
})
