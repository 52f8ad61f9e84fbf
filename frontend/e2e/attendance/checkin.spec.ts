import { expect, test } from '@playwright/test'
import {
  apiPost,
  createPoint,
  createSession,
  createUnitTree,
  shot,
  signIn,
  unique,
  phoneContext,
} from '../support/helpers'

test('a delegate checks in by invitation link, another by operator search, and the main-hall counts follow', async ({
  page,
  browser,
}) => {
  await signIn(page, 'organizer')
  const { province, districts } = await createUnitTree(page)
  const session = await createSession(page, unique('Hội nghị tập huấn bảo vệ chính trị nội bộ'))
  await createPoint(page, session.id, { unitId: province.id, mainHall: true, expectedCount: 0 })
  const point = await createPoint(page, session.id, { unitId: districts[0]!.id, expectedCount: 2 })
  const byLink = unique('Hoàng Thị Thu Hà')
  const bySearch = unique('Nguyễn Hữu Quất')
  const delegates = []
  for (const fullName of [byLink, bySearch]) {
    delegates.push(
      await apiPost<{ id: number }>(page.request, `/api/sessions/${session.id}/delegates`, {
        fullName,
        position: 'Phó Bí thư Huyện ủy',
        unitName: 'Huyện ủy Phú Lương',
        pointId: point.id,
      }),
    )
  }
  await apiPost(page.request, `/api/sessions/${session.id}/schedule`, {})
  const invitation = await apiPost<{ url: string }>(
    page.request,
    `/api/sessions/${session.id}/delegates/${delegates[0]!.id}/invitation`,
    {},
  )

  // The main hall watches the counts.
  await page.goto(`/sessions/${session.id}/attendance`)
  const row = page.getByTestId(`counts-point-${point.id}`)
  await expect(row.locator('td').nth(0)).toHaveText('0')
  await expect(row.locator('td').nth(1)).toHaveText('2')
  await expect(page.getByTestId('attendance-total')).toContainText('0 / 2')

  // Delegate 1 on their phone: the invitation link, then one tap.
  const phone = await phoneContext(browser)
  const delegatePage = await phone.newPage()
  await delegatePage.goto(new URL(invitation.url).pathname)
  await expect(delegatePage).toHaveURL(/\/p$/)
  await delegatePage.getByRole('button', { name: 'Điểm danh có mặt' }).click()
  await expect(delegatePage.getByText(/Bạn đã được điểm danh có mặt lúc \d\d:\d\d/)).toBeVisible()
  await shot(delegatePage, 'attendance-self-check-in')
  await phone.close()

  await expect(row.locator('td').nth(0)).toHaveText('1')
  await expect(page.getByTestId('attendance-total')).toContainText('1 / 2')

  // The point's operator finds delegate 2 typing without diacritics, and taps once.
  const operator = await page.context().newPage()
  await operator.goto(`/sessions/${session.id}/points/${point.id}/check-in`)
  await operator.getByLabel('Tìm đại biểu').fill('nguyen huu quat')
  await expect(operator.locator('.checkin-row')).toHaveCount(1)
  await operator.getByRole('button', { name: `Điểm danh: ${bySearch}` }).click()
  await expect(operator.getByRole('button', { name: `Hủy điểm danh: ${bySearch}` })).toBeVisible()
  await expect(operator.locator('.checkin-row .checkin-status')).toContainText('Có mặt')
  await operator.getByLabel('Tìm đại biểu').fill('')
  await expect(operator.locator('.checkin-row')).toHaveCount(2)
  await shot(operator, 'attendance-operator-panel')

  await expect(row.locator('td').nth(0)).toHaveText('2')
  await expect(page.getByTestId('attendance-total')).toContainText('2 / 2')
  await shot(page, 'attendance-main-hall-counts')
})
