import { expect, test, type Browser } from '@playwright/test'
import { apiPost, createSession, shot, signIn, unique, phoneContext } from '../support/helpers'

/** A delegate's phone: their own browser, signed in only by the invitation link. */
async function phone(browser: Browser, invitationUrl: string) {
  const context = await phoneContext(browser)
  const page = await context.newPage()
  await page.goto(new URL(invitationUrl).pathname)
  await expect(page).toHaveURL(/\/p$/)
  return { context, page }
}

test('the main hall runs a poll, two phones answer, a point counts its room, everyone sees the published result', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  await signIn(page, 'organizer')
  // The operator signs in first: the point is assigned to the username the provider gives them.
  const operatorContext = await browser.newContext({ locale: 'vi-VN' })
  const operator = await operatorContext.newPage()
  await signIn(operator, 'op1', '/sessions')
  const me = (await (
    await operator.request.get('/api/me', { headers: { 'X-Requested-With': 'JavaScript' } })
  ).json()) as { username: string }
  const session = await createSession(page, unique('Hội nghị biểu quyết'))
  await apiPost(page.request, `/api/sessions/${session.id}/points`, {
    name: unique('Hội trường lớn'),
    mainHall: true,
    expectedCount: 100,
  })
  const point = await apiPost<{ id: number }>(page.request, `/api/sessions/${session.id}/points`, {
    name: unique('Điểm cầu Huyện Gio Linh'),
    mainHall: false,
    expectedCount: 40,
    operators: [me.username],
  })
  const urls: string[] = []
  for (const fullName of ['Nguyễn Thị Lan', 'Trần Văn Bình']) {
    const d = await apiPost<{ id: number }>(page.request, `/api/sessions/${session.id}/delegates`, {
      fullName,
      unitName: 'Xã Gio Mỹ',
      pointId: point.id,
    })
    const inv = await apiPost<{ url: string }>(
      page.request,
      `/api/sessions/${session.id}/delegates/${d.id}/invitation`,
      {},
    )
    urls.push(inv.url)
  }
  await apiPost(page.request, `/api/sessions/${session.id}/schedule`, {})

  // The main hall prepares and opens the poll.
  await page.goto(`/sessions/${session.id}/live`)
  const control = page.getByTestId('poll-control')
  const question = unique('Đồng chí có tán thành dự thảo nghị quyết?')
  await control.getByLabel('Câu hỏi', { exact: true }).fill(question)
  await control.getByLabel('Phương án (mỗi dòng một phương án)').fill('Tán thành\nKhông tán thành')
  await control.getByRole('button', { name: 'Tạo câu hỏi' }).click()
  await control.getByRole('button', { name: 'Mở biểu quyết' }).click()
  await expect(control.getByText(`${question} · Đang mở biểu quyết`)).toBeVisible()

  // Two phones answer in one tap each.
  const lan = await phone(browser, urls[0]!)
  const binh = await phone(browser, urls[1]!)
  await lan.page
    .getByTestId('poll-vote')
    .getByRole('button', { name: 'Tán thành', exact: true })
    .click()
  await expect(lan.page.getByTestId('poll-answered')).toBeVisible()
  await binh.page.getByTestId('poll-vote').getByRole('button', { name: 'Không tán thành' }).click()
  await expect(binh.page.getByTestId('poll-answered')).toBeVisible()
  await shot(lan.page, 'poll-phone-answered')

  // The point's operator enters the room's show of hands.
  await operator.goto(`/sessions/${session.id}/points/${point.id}/console`)
  const room = operator.getByTestId('poll-room')
  await room.getByLabel('Tán thành', { exact: true }).fill('30')
  await room.getByLabel('Không tán thành').fill('5')
  await room.getByRole('button', { name: 'Gửi kết quả tại phòng' }).click()
  await expect(room.getByText('Đã gửi.')).toBeVisible()

  // Live totals on the console: 1 + 30 and 1 + 5.
  await expect(control.getByTestId('poll-total-0')).toHaveText('31')
  await expect(control.getByTestId('poll-total-1')).toHaveText('6')
  await control.getByRole('button', { name: 'Đóng biểu quyết' }).click()
  await control.getByRole('button', { name: 'Công bố kết quả' }).click()
  await expect(control.getByText(`${question} · Đã công bố kết quả`)).toBeVisible()

  // The phones see the published result.
  for (const p of [lan.page, binh.page]) {
    await expect(p.getByTestId('poll-total-0')).toHaveText('31')
    await expect(p.getByTestId('poll-total-1')).toHaveText('6')
  }
  await shot(lan.page, 'poll-phone-published')
  await shot(page, 'poll-console-published')
  await lan.context.close()
  await binh.context.close()
  await operatorContext.close()
})
