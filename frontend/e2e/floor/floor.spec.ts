import { expect, test, type Browser } from '@playwright/test'
import { apiPost, createSession, shot, signIn, unique, phoneContext } from '../support/helpers'

const DESKTOP = { width: 1366, height: 900 }

async function open(browser: Browser, user: string, path: string) {
  const context = await browser.newContext({
    viewport: DESKTOP,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  const page = await context.newPage()
  await signIn(page, user, path)
  return { context, page }
}

test('a point asks for the floor, the main hall grants it, the point console shows it granted; a question reaches the big screen', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  // ---- setup through the REST API, as the organizer ----
  await signIn(page, 'organizer')
  // The operator signs in first: the point is assigned to the username the provider gives them.
  const a = await open(browser, 'op1', '/sessions')
  const me = (await (
    await a.page.request.get('/api/me', { headers: { 'X-Requested-With': 'JavaScript' } })
  ).json()) as { username: string }
  const title = unique('Hội nghị quán triệt Quy định 126')
  const session = await createSession(page, title)
  await apiPost(page.request, `/api/sessions/${session.id}/points`, {
    name: unique('Hội trường Tỉnh ủy'),
    mainHall: true,
    expectedCount: 120,
  })
  const point = await apiPost<{ id: number; name: string }>(
    page.request,
    `/api/sessions/${session.id}/points`,
    {
      name: unique('Điểm cầu Huyện Gio Linh'),
      mainHall: false,
      expectedCount: 40,
      operators: [me.username],
    },
  )
  const speaker = unique('Nguyễn Văn Ánh')
  const delegate = await apiPost<{ id: number }>(
    page.request,
    `/api/sessions/${session.id}/delegates`,
    { fullName: speaker, position: 'Bí thư Đảng ủy xã', unitName: 'Xã Gio Mai', pointId: point.id },
  )
  const invitation = await apiPost<{ token: string }>(
    page.request,
    `/api/sessions/${session.id}/delegates/${delegate.id}/invitation`,
    {},
  )
  await apiPost(page.request, `/api/sessions/${session.id}/schedule`, {})
  await apiPost(page.request, `/api/sessions/${session.id}/live/commands`, {
    type: 'session.start',
    commandId: `start-${session.id}`,
  })

  // ---- the main hall console and the point console ----
  await page.setViewportSize(DESKTOP)
  await page.goto(`/sessions/${session.id}/live`)
  const queue = page.getByTestId('floor-queue')
  await expect(queue).toContainText('Chưa có điểm cầu nào xin phát biểu.')
  await a.page.goto(`/sessions/${session.id}/points/${point.id}/console`)
  const probe = await a.page.request.get(`/api/sessions/${session.id}/live`, {
    headers: { 'X-Requested-With': 'JavaScript' },
  })
  expect(probe.status(), await probe.text()).toBe(200)
  const panel = a.page.getByTestId('floor-request')
  await expect(panel).toBeVisible()

  // ---- the point asks for the floor for its delegate ----
  const topic = 'Kiến nghị bổ sung tài liệu học tập cho cấp xã'
  await panel.getByLabel('Người phát biểu').selectOption({ label: speaker })
  await panel.getByLabel('Nội dung xin phát biểu').fill(topic)
  await panel.getByRole('button', { name: 'Xin phát biểu' }).click()
  await expect(a.page.getByTestId('floor-waiting')).toContainText('Đang chờ, thứ 1 trong danh sách')
  await expect(a.page.getByTestId('floor-waiting')).toContainText(speaker)

  // ---- the main hall sees it in the queue with its waiting time and grants it ----
  const item = queue.getByTestId('floor-queue-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText(speaker)
  await expect(item).toContainText(point.name)
  await expect(item).toContainText(topic)
  await expect(item).toContainText('chờ 0 phút')
  await shot(page, 'floor-main-hall-queue')
  await item.getByRole('button', { name: 'Mời phát biểu' }).click()
  await expect(page.getByTestId('floor-speaking')).toContainText(speaker)
  await expect(queue.getByTestId('floor-queue-item')).toHaveCount(0)

  // ---- the point console shows it granted ----
  await expect(a.page.getByTestId('floor-granted')).toContainText(
    'Hội trường lớn đã mời điểm cầu phát biểu.',
  )
  await expect(a.page.getByTestId('floor-granted')).toContainText(topic)
  await expect(a.page.getByTestId('floor-waiting')).toHaveCount(0)
  await shot(a.page, 'floor-point-console-granted')

  // ---- the big screen shows the speaker ----
  const screen = await page.context().newPage()
  await screen.setViewportSize({ width: 1920, height: 1080 })
  await screen.goto(`/sessions/${session.id}/screen`)
  await expect(screen.getByTestId('floor-big')).toContainText(speaker)

  // ---- a delegate sends a question from the phone; the main hall approves it ----
  const phone = await phoneContext(browser)
  const delegatePage = await phone.newPage()
  await delegatePage.goto(`/i/${invitation.token}`)
  await expect(delegatePage).toHaveURL(/\/p$/)
  const question = 'Quy định 126 áp dụng thế nào đối với cán bộ cấp xã sau sáp nhập?'
  const ask = delegatePage.getByTestId('ask-question')
  await ask.getByLabel('Câu hỏi của bạn (mỗi lần một câu)').fill(question)
  await ask.getByRole('button', { name: 'Gửi câu hỏi' }).click()
  await expect(ask).toContainText('Đã gửi câu hỏi.')
  await expect(ask.getByTestId('my-question')).toContainText('Chờ duyệt')
  await expect(screen.getByTestId('floor-big')).not.toContainText(question)

  const moderation = page.getByTestId('question-moderation')
  const pending = moderation.getByTestId('question-item').filter({ hasText: question })
  await expect(pending).toBeVisible()
  await pending.getByRole('button', { name: 'Duyệt, đưa lên màn hình' }).click()
  await expect(screen.getByTestId('floor-big')).toContainText(question)
  await expect(ask.getByTestId('my-question')).toContainText('Đã duyệt')
  await shot(screen, 'floor-big-screen')
  await shot(delegatePage, 'floor-participant-phone')

  // ---- the main hall closes the queue: the point console and the phone show it, asking is off ----
  await queue.getByRole('button', { name: 'Đóng danh sách đăng ký' }).click()
  await page
    .getByRole('dialog', { name: 'Đóng danh sách đăng ký phát biểu?' })
    .getByRole('button', { name: 'Đóng danh sách đăng ký' })
    .click()
  await expect(queue.getByTestId('floor-queue-closed')).toContainText(
    'Đã đóng danh sách: không nhận đăng ký phát biểu mới.',
  )
  await expect(a.page.getByTestId('floor-request-closed')).toContainText(
    'Hội trường lớn đã đóng danh sách đăng ký phát biểu.',
  )
  await expect(panel.getByRole('button', { name: 'Xin phát biểu' })).toBeDisabled()
  await expect(delegatePage.getByTestId('ask-floor-closed')).toBeVisible()
  await shot(page, 'floor-main-hall-queue-closed')
  await shot(a.page, 'floor-point-console-queue-closed')
  // A request sent anyway (an old tab, a script) is refused and stores nothing.
  const refused = await a.page.request.post(`/api/sessions/${session.id}/live/commands`, {
    headers: { 'X-Requested-With': 'JavaScript', 'Accept-Language': 'vi' },
    data: {
      type: 'floor.request',
      commandId: `late-${session.id}`,
      pointId: point.id,
      topic: 'Muộn',
    },
  })
  expect(refused.status()).toBe(409)
  expect(((await refused.json()) as { code: string }).code).toBe('floor.queue-closed')
  await queue.getByRole('button', { name: 'Mở lại danh sách đăng ký' }).click()
  await expect(queue.getByTestId('floor-queue-closed')).toHaveCount(0)
  await expect(a.page.getByTestId('floor-request-closed')).toHaveCount(0)
  await expect(panel.getByRole('button', { name: 'Xin phát biểu' })).toBeEnabled()

  // ---- the point finishes speaking; the main hall sees nobody speaking ----
  await a.page.getByRole('button', { name: 'Đã phát biểu xong' }).click()
  await expect(page.getByTestId('floor-speaking')).toContainText('Chưa có ai đang phát biểu.')
  await expect(a.page.getByTestId('floor-closed')).toContainText('Đã phát biểu')

  // ---- the session ends: the report is there to download ----
  await apiPost(page.request, `/api/sessions/${session.id}/live/commands`, {
    type: 'session.end',
    commandId: `end-${session.id}`,
  })
  await page.goto(`/sessions/${session.id}`)
  const links = page.getByTestId('report-links')
  await expect(links.getByRole('link', { name: 'Tải báo cáo PDF' })).toBeVisible()
  const pdf = await page.request.get(`/api/sessions/${session.id}/report/pdf`)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toContain('application/pdf')
  await shot(page, 'floor-session-report-links')

  await phone.close()
  await a.context.close()
})
