import { expect, test } from '@playwright/test'
import { apiPost, createSession, shot, signIn, unique, phoneContext } from '../support/helpers'

/** The smallest file whose content says PDF; the server checks the content, not the name. */
function tinyPdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  )
}

test('the organizer attaches a document to an agenda item, starts the item, and the delegate downloads it on the phone', async ({
  page,
  browser,
}) => {
  await signIn(page, 'organizer')
  const session = await createSession(page, unique('Hội nghị quán triệt Quy định 126'))
  const point = await apiPost<{ id: number }>(page.request, `/api/sessions/${session.id}/points`, {
    name: unique('Điểm cầu xã Phú Đô'),
    mainHall: false,
    operators: [],
  })
  await apiPost(page.request, `/api/sessions/${session.id}/agenda`, {
    title: 'Khai mạc',
    durationMinutes: 10,
  })
  const item = await apiPost<{ id: number }>(page.request, `/api/sessions/${session.id}/agenda`, {
    title: 'Quán triệt Quy định 126-QĐ/TW',
    durationMinutes: 45,
  })
  const name = unique('Lương Thị Hồng')
  const delegate = await apiPost<{ id: number }>(
    page.request,
    `/api/sessions/${session.id}/delegates`,
    { fullName: name, unitName: 'Xã Phú Đô', pointId: point.id },
  )
  const invitation = await apiPost<{ url: string }>(
    page.request,
    `/api/sessions/${session.id}/delegates/${delegate.id}/invitation`,
    {},
  )

  // Upload on the session's documents tab, attached to the second item.
  await page.goto(`/sessions/${session.id}/documents`)
  const fileName = 'Quy định 126-QĐ-TW về bảo vệ chính trị nội bộ.pdf'
  const content = tinyPdf('Quy dinh 126')
  await page
    .getByLabel('Tệp')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: content })
  await page.getByLabel('Tên tài liệu').fill('Quy định 126-QĐ/TW')
  await page.getByLabel('Gắn với nội dung chương trình').selectOption({
    label: 'Quán triệt Quy định 126-QĐ/TW',
  })
  await expect(page.getByLabel('Phát hành', { exact: true })).toHaveValue('ON_ITEM_START')
  await page.getByRole('button', { name: 'Tải lên', exact: true }).click()
  const row = page.locator('table.documents-table tbody tr', { hasText: 'Quy định 126-QĐ/TW' })
  await expect(row).toContainText('Chưa phát hành')
  await expect(row).toContainText('Khi bắt đầu nội dung')
  await expect(row).toContainText(fileName)
  await shot(page, 'documents-organizer-uploaded')

  // The delegate opens the invitation on a phone: nothing released yet.
  const phone = await phoneContext(browser, { acceptDownloads: true })
  const delegatePage = await phone.newPage()
  await delegatePage.goto(new URL(invitation.url).pathname)
  await expect(delegatePage).toHaveURL(/\/p$/)
  const panel = delegatePage.getByRole('region', { name: 'Tài liệu hội nghị' })
  await expect(panel).toContainText('Chưa có tài liệu nào được phát hành cho bạn.')

  // The main hall opens the session and starts the item (the live command, as the console sends it).
  await apiPost(page.request, `/api/sessions/${session.id}/schedule`, {})
  for (const command of [
    { type: 'session.start' },
    { type: 'agenda.start_item', itemId: item.id },
  ]) {
    await apiPost(page.request, `/api/sessions/${session.id}/live/commands`, {
      ...command,
      commandId: unique('e2e').replace(/\s/g, '-'),
    })
  }

  // Pushed live: the phone shows it without a reload, and it downloads with its Vietnamese name.
  const link = panel.getByRole('link', { name: /Quy định 126-QĐ\/TW/ })
  await expect(link).toBeVisible()
  await shot(delegatePage, 'documents-participant-phone')
  const [download] = await Promise.all([delegatePage.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe(fileName)
  const path = await download.path()
  const { readFileSync } = await import('node:fs')
  expect(readFileSync(path).equals(content)).toBe(true)
  await phone.close()

  // The organizer sees it released and who has received it.
  await page.reload()
  await expect(row).toContainText('Đã phát hành')
  await page.getByRole('button', { name: 'Tình hình tiếp nhận: Quy định 126-QĐ/TW' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tiếp nhận: Quy định 126-QĐ/TW' })
  await expect(dialog).toContainText('1/1 đại biểu đã nhận.')
  await expect(dialog.locator('tbody tr', { hasText: name })).toContainText('Đã nhận')
  await shot(page, 'documents-receipts')
})
