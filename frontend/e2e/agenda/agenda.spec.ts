import { expect, test } from '@playwright/test'
import { createSession, shot, signIn, unique, statusMessage } from '../support/helpers'

test('organizer builds an agenda whose times follow on, and reorders it with the buttons', async ({
  page,
}) => {
  await signIn(page, 'organizer')
  const session = await createSession(page, unique('Hội nghị trực tuyến toàn tỉnh'))
  await page.goto(`/sessions/${session.id}`)
  let dialog = page.getByRole('dialog')
  // Agenda: the first item starts with the session (08:00), the others follow on.
  await page.getByRole('link', { name: 'Chương trình' }).click()
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}/agenda$`))
  await expect(page.getByText('Chưa có nội dung chương trình.')).toBeVisible()
  const items = [
    ['Khai mạc hội nghị', 'Đồng chí Bí thư Tỉnh ủy', '15'],
    ['Quán triệt Quy định 126-QĐ/TW', 'Ban Tổ chức Tỉnh ủy', '60'],
    ['Thảo luận tại các điểm cầu', '', '30'],
  ] as const
  for (const [title, presenter, minutes] of items) {
    await page.getByRole('button', { name: '+ Thêm nội dung' }).click()
    dialog = page.getByRole('dialog', { name: 'Thêm nội dung' })
    await dialog.getByLabel('Nội dung').fill(title)
    if (presenter) await dialog.getByLabel('Người trình bày').fill(presenter)
    await dialog.getByLabel('Thời lượng (phút)').fill(minutes)
    await dialog.getByRole('button', { name: 'Lưu' }).click()
    await expect(dialog).toBeHidden()
  }
  const agenda = page.locator('ol.agenda > li')
  await expect(agenda).toHaveCount(3)
  await expect(agenda.nth(0)).toContainText('Khai mạc hội nghị')
  await expect(agenda.nth(0).locator('.agenda-time')).toContainText('08:00–08:15')
  await expect(agenda.nth(1).locator('.agenda-time')).toContainText('08:15–09:15')
  await expect(agenda.nth(2).locator('.agenda-time')).toContainText('09:15–09:45')

  // Reorder with the keyboard-accessible buttons: discussion moves above the regulation talk.
  await page.getByRole('button', { name: 'Chuyển “Thảo luận tại các điểm cầu” lên' }).click()
  await expect(statusMessage(page)).toContainText('ở vị trí 2')
  await expect(agenda.nth(1)).toContainText('Thảo luận tại các điểm cầu')
  await expect(agenda.nth(1).locator('.agenda-time')).toContainText('08:15–08:45')
  await expect(agenda.nth(2)).toContainText('Quán triệt Quy định 126-QĐ/TW')
  await expect(agenda.nth(2).locator('.agenda-time')).toContainText('08:45–09:45')
  // Focus stays on the moved item, so a keyboard user can keep moving it.
  await expect(
    page.getByRole('button', { name: 'Chuyển “Thảo luận tại các điểm cầu” lên' }),
  ).toBeFocused()

  // Editing right after a move works (the list holds current versions) and the times follow.
  await page.getByRole('button', { name: 'Sửa: Thảo luận tại các điểm cầu' }).click()
  dialog = page.getByRole('dialog', { name: 'Sửa nội dung' })
  await dialog.getByLabel('Thời lượng (phút)').fill('45')
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()
  await expect(agenda.nth(1).locator('.agenda-time')).toContainText('08:15–09:00')
  await expect(agenda.nth(2).locator('.agenda-time')).toContainText('09:00–10:00')

  // The new order is what the server keeps.
  await page.reload()
  await expect(agenda.nth(1)).toContainText('Thảo luận tại các điểm cầu')
  await shot(page, 'agenda')
})
