import { expect, test, type Browser, type Page } from '@playwright/test'
import {
  apiGet,
  apiPost,
  createPoint,
  createSession,
  createUnitTree,
  shot,
  signIn,
  unique,
  phoneContext,
} from '../support/helpers'

const DESKTOP = { width: 1366, height: 900 }

/** A signed-in browser of its own (cookies and network apart from the others). */
async function open(browser: Browser, user: string, path: string, viewport = DESKTOP) {
  const context = await browser.newContext({
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  })
  const page = await context.newPage()
  await signIn(page, user, path)
  return { context, page }
}

function connection(page: Page) {
  return page.locator('.live-conn').first()
}

/** The rollcall.answered events for a point that reached this page's live socket. */
function recordAnswers(page: Page): Map<number, number> {
  const answers = new Map<number, number>()
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/live/sessions/')) return
    ws.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; pointId?: number }
      if (message.type === 'rollcall.answered' && message.pointId != null)
        answers.set(message.pointId, (answers.get(message.pointId) ?? 0) + 1)
    })
  })
  return answers
}

test('the main hall calls the roll and runs two items while two point consoles follow, one of them offline for a while', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  // ---- setup through the REST API, as the organizer ----
  await signIn(page, 'organizer')
  // The operators sign in first: points are assigned to the usernames the provider gives them.
  const a = await open(browser, 'op1', '/sessions')
  const b = await open(browser, 'op2', '/sessions')
  const op1 = (await apiGet<{ username: string }>(a.page.request, '/api/me')).username
  const op2 = (await apiGet<{ username: string }>(b.page.request, '/api/me')).username
  const { province, districts } = await createUnitTree(page)
  const title = unique('Hội nghị trực tuyến sơ kết 6 tháng')
  const session = await createSession(page, title)
  const hall = await createPoint(page, session.id, {
    name: unique('Hội trường Tỉnh ủy'),
    unitId: province.id,
    mainHall: true,
    expectedCount: 120,
  })
  const pointA = await apiPost<{ id: number; name: string }>(
    page.request,
    `/api/sessions/${session.id}/points`,
    {
      name: unique('Điểm cầu Huyện Phú Lương'),
      unitId: districts[0]!.id,
      mainHall: false,
      expectedCount: 40,
      operators: [op1],
    },
  )
  const pointB = await apiPost<{ id: number; name: string }>(
    page.request,
    `/api/sessions/${session.id}/points`,
    {
      name: unique('Điểm cầu Huyện Đồng Hỷ'),
      unitId: districts[1]!.id,
      mainHall: false,
      expectedCount: 30,
      operators: [op2],
    },
  )
  const opening = unique('Khai mạc hội nghị')
  const report = unique('Báo cáo sơ kết công tác 6 tháng đầu năm')
  const discussion = unique('Thảo luận tại các điểm cầu')
  for (const [itemTitle, minutes] of [
    [opening, 10],
    [report, 30],
    [discussion, 45],
  ] as const) {
    await apiPost(page.request, `/api/sessions/${session.id}/agenda`, {
      title: itemTitle,
      durationMinutes: minutes,
    })
  }
  const delegate = await apiPost<{ id: number }>(
    page.request,
    `/api/sessions/${session.id}/delegates`,
    {
      fullName: unique('Nguyễn Văn An'),
      position: 'Bí thư Huyện ủy',
      unitName: 'Huyện ủy Phú Lương',
      pointId: pointA.id,
    },
  )
  const invitation = await apiPost<{ token: string }>(
    page.request,
    `/api/sessions/${session.id}/delegates/${delegate.id}/invitation`,
    {},
  )
  const scheduled = await page.request.post(
    `/api/sessions/${session.id}/schedule?version=${(session as { version?: number }).version ?? 0}`,
    { headers: { 'X-Requested-With': 'JavaScript' } },
  )
  expect(scheduled.ok(), await scheduled.text()).toBeTruthy()

  // ---- the organizer opens the main-hall console from the session editor ----
  const answers = recordAnswers(page)
  await page.setViewportSize(DESKTOP)
  await page.goto(`/sessions/${session.id}`)
  await page.getByRole('link', { name: 'Điều hành trực tiếp' }).click()
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}/live$`))
  await expect(connection(page)).toHaveText('Trực tuyến')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title)

  // ---- two point consoles, each signed in as the point's operator ----
  await a.page.goto(`/sessions/${session.id}`)
  await a.page.getByRole('link', { name: `Bàn vận hành: ${pointA.name}` }).click()
  await expect(a.page).toHaveURL(new RegExp(`/points/${pointA.id}/console$`))
  await b.page.goto(`/sessions/${session.id}/points/${pointB.id}/console`)
  for (const p of [a.page, b.page]) await expect(connection(p)).toHaveText('Trực tuyến')
  // Heartbeats bring both points online in the main hall.
  const grid = page.getByTestId('points-grid')
  await expect(grid.locator(`tr[data-point="${pointA.id}"] .pstatus`)).toHaveText('Trực tuyến')
  await expect(grid.locator(`tr[data-point="${pointB.id}"] .pstatus`)).toHaveText('Trực tuyến')

  // ---- roll call ----
  await page.getByRole('button', { name: 'Bắt đầu điểm danh' }).click()
  await expect(page.getByTestId('rollcall-progress')).toHaveText('Đã báo 0/2 điểm cầu')
  await expect(page.getByTestId('rollcall-pending')).toContainText(pointA.name)
  await expect(page.getByTestId('rollcall-pending')).toContainText(pointB.name)

  // Point A answers ready with its head count.
  await expect(a.page.getByText('Hội trường chính đang điểm danh: hãy báo sẵn sàng.')).toBeVisible()
  await a.page.getByLabel('Số người có mặt trong phòng').fill('35')
  await a.page.getByRole('button', { name: 'Sẵn sàng', exact: true }).click()
  await expect(a.page.getByTestId('own-status')).toContainText('Sẵn sàng')
  await expect(a.page.getByTestId('own-count')).toHaveText('Có mặt 35/40 người')
  await expect(page.getByTestId('rollcall-progress')).toHaveText('Đã báo 1/2 điểm cầu')

  // Point B loses its link, answers anyway: the answer waits in the queue, shown as waiting.
  await b.context.setOffline(true)
  await expect(connection(b.page)).toContainText('Mất kết nối')
  await b.page.getByLabel('Số người có mặt trong phòng').fill('28')
  await b.page.getByRole('button', { name: 'Sẵn sàng', exact: true }).click()
  const queue = b.page.getByTestId('live-queue')
  await expect(queue).toContainText('Thao tác đang chờ gửi (1)')
  await expect(queue).toContainText('Báo sẵn sàng (28 người)')
  await expect(queue).toContainText('Chờ có mạng')
  await shot(b.page, 'live-point-console-offline-queued')
  await expect(page.getByTestId('rollcall-progress')).toHaveText('Đã báo 1/2 điểm cầu')

  // The link comes back: the queued answer is delivered, once.
  await b.context.setOffline(false)
  await expect(connection(b.page)).toHaveText('Trực tuyến', { timeout: 20_000 })
  await expect(queue).toHaveCount(0)
  await expect(b.page.getByTestId('own-count')).toHaveText('Có mặt 28/30 người')
  await expect(page.getByTestId('rollcall-progress')).toHaveText('Đã báo 2/2 điểm cầu')
  await expect(page.getByText('Tất cả điểm cầu đã báo sẵn sàng.')).toBeVisible()
  await expect(
    grid.locator(`tr[data-point="${pointA.id}"] [data-testid="point-count"]`),
  ).toHaveText('35 / 40')
  await expect(
    grid.locator(`tr[data-point="${pointB.id}"] [data-testid="point-count"]`),
  ).toHaveText('28 / 30')
  await expect(grid.locator(`tr[data-point="${pointB.id}"] .pstatus`)).toHaveText('Sẵn sàng')
  // Exactly once: one answer per point reached the main hall, and the stored state agrees.
  await page.waitForTimeout(1500)
  expect(answers.get(pointA.id)).toBe(1)
  expect(answers.get(pointB.id)).toBe(1)
  const snapshot = (await (
    await page.request.get(`/api/sessions/${session.id}/live`, {
      headers: { 'X-Requested-With': 'JavaScript' },
    })
  ).json()) as { rollCall: { answered: number[]; pending: number[] } }
  expect(snapshot.rollCall.answered.sort()).toEqual([pointA.id, pointB.id].sort())
  expect(snapshot.rollCall.pending).toEqual([])
  await shot(page, 'live-main-hall-rollcall')

  // ---- the big screen on the hall's projector ----
  const screen = await page.context().newPage()
  await screen.setViewportSize({ width: 1920, height: 1080 })
  await screen.goto(`/sessions/${session.id}/screen`)
  await expect(connection(screen)).toHaveText('Trực tuyến')
  await expect(screen.getByTestId('total-present')).toHaveText('63')
  await expect(screen.getByTestId('total-READY')).toHaveText('2')

  // ---- the session starts; two items run in turn, everyone follows ----
  await page.getByRole('button', { name: 'Bắt đầu hội nghị' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Bắt đầu hội nghị' }).click()
  await expect(page.locator('.session-sub .badge')).toHaveText('Đang diễn ra')
  await page.getByRole('button', { name: `Bắt đầu: ${opening}` }).click()
  for (const p of [page, a.page, b.page, screen]) {
    await expect(p.getByTestId('live-current')).toContainText(opening)
    await expect(p.getByTestId('live-next')).toContainText(report)
  }
  await expect(a.page.getByTestId('live-current')).toContainText('Dự kiến 10 phút')

  await page.getByRole('button', { name: `Bắt đầu: ${report}` }).click()
  for (const p of [page, a.page, b.page, screen]) {
    await expect(p.getByTestId('live-current')).toContainText(report)
    await expect(p.getByTestId('live-next')).toContainText(discussion)
  }
  await expect(a.page.locator('.live-agenda-item').first()).toContainText('Đã xong')
  await expect(page.locator(`tr.agenda-done`)).toContainText(opening)

  // ---- the delegate's phone follows too ----
  const phone = await phoneContext(browser)
  const delegatePage = await phone.newPage()
  await delegatePage.goto(`/i/${invitation.token}`)
  await expect(delegatePage).toHaveURL(/\/p$/)
  await expect(delegatePage.getByTestId('live-current')).toContainText(report)
  await expect(delegatePage.getByTestId('live-next')).toContainText(discussion)

  await shot(page, 'live-main-hall-running')
  await shot(a.page, 'live-point-console-a')
  await shot(b.page, 'live-point-console-b')
  await screen.screenshot({
    path: `${process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'}/live-big-screen.png`,
  })
  await shot(delegatePage, 'live-participant-phone')

  await phone.close()
  await a.context.close()
  await b.context.close()
  expect(hall.id).toBeGreaterThan(0)
})
