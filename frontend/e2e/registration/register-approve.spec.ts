import { expect, test } from '@playwright/test'
import {
  apiPost,
  createSession,
  createUnitTree,
  shot,
  signIn,
  statusMessage,
  unique,
  phoneContext,
} from '../support/helpers'

test('a person registers through the public link, the operator approves, the delegate is on the roster', async ({
  page,
  browser,
}) => {
  // The organizer opens registration with a capacity and makes a link for one point.
  await signIn(page, 'organizer')
  const { districts } = await createUnitTree(page)
  const title = unique('Hội nghị tập huấn công tác bảo vệ chính trị nội bộ')
  const session = await createSession(page, title)
  const point = await apiPost<{ id: number; name: string }>(
    page.request,
    `/api/sessions/${session.id}/points`,
    { unitId: districts[0]!.id, mainHall: false, operators: ['operator@example.com'] },
  )

  await page.goto(`/sessions/${session.id}/registration`)
  await expect(page.getByRole('heading', { name: 'Đăng ký tham dự', level: 2 })).toBeVisible()
  await expect(page.getByText('Chưa mở đăng ký')).toBeVisible()
  await page.getByLabel('Mở đăng ký').check()
  await page.getByLabel(`Số chỗ tối đa của ${point.name}`).fill('30')
  await page.getByRole('button', { name: 'Lưu cài đặt' }).click()
  await expect(statusMessage(page)).toContainText('Đã lưu')
  await expect(page.getByText('Đang nhận đăng ký')).toBeVisible()

  await page.getByLabel('Điểm cầu cố định').selectOption({ label: point.name })
  await page.getByRole('button', { name: '+ Tạo đường dẫn' }).click()
  const linkInput = page.getByLabel(`Đường dẫn đăng ký ${point.name}`)
  await expect(linkInput).toHaveValue(/\/r\/dcr_\S+$/)
  const link = new URL(await linkInput.inputValue())
  await shot(page, 'registration-settings')

  // The person: a phone, no account.
  const phone = await phoneContext(browser)
  const person = await phone.newPage()
  await person.goto(link.pathname)
  await expect(person.getByRole('heading', { name: title, level: 1 })).toBeVisible()
  await expect(person.getByText(point.name)).toBeVisible()
  // sending empty names the missing field, next to it
  await person.getByRole('button', { name: 'Gửi đăng ký' }).click()
  await expect(person.getByText('Vui lòng nhập họ và tên.')).toBeVisible()
  const name = unique('Nguyễn Thị Hồng Nhung')
  await person.getByLabel('Họ và tên').fill(name)
  await person.getByLabel('Chức vụ').fill('Phó Chủ tịch UBND xã')
  await person.getByLabel('Đơn vị công tác').fill('UBND xã Phú Đô')
  await person.getByLabel('Số điện thoại (không bắt buộc)').fill('12ab')
  await person.getByRole('button', { name: 'Gửi đăng ký' }).click()
  await expect(person.getByText('Số điện thoại không hợp lệ (cần 9–15 chữ số).')).toBeVisible()
  await person.getByLabel('Số điện thoại (không bắt buộc)').fill('0912 345 678')
  await person.getByRole('button', { name: 'Gửi đăng ký' }).click()
  await expect(person.getByRole('heading', { name: 'Đã gửi đăng ký' })).toBeVisible()
  await expect(person.getByLabel('Đường dẫn theo dõi')).toHaveValue(/\/r\/status\/dcs_\S+$/)
  await shot(person, 'registration-public-sent')
  await person.getByRole('link', { name: 'Xem trạng thái đăng ký' }).click()
  await expect(person.getByRole('heading', { name, level: 1 })).toBeVisible()
  await expect(person.getByText('Đăng ký đang chờ duyệt.')).toBeVisible()

  // The point's operator approves it from the queue.
  const opContext = await browser.newContext({ locale: 'vi-VN' })
  const op = await opContext.newPage()
  await signIn(op, 'operator', `/sessions/${session.id}/registration`)
  const row = op.getByRole('row').filter({ hasText: name })
  await expect(row).toContainText('Tự đăng ký')
  await expect(row).toContainText('UBND xã Phú Đô')
  await shot(op, 'registration-queue')
  await op.getByRole('button', { name: `Duyệt: ${name}` }).click()
  await expect(statusMessage(op)).toContainText('Đã duyệt')
  await expect(op.getByText('Chưa có đăng ký nào.')).toBeVisible()

  // The delegate is on the roster of that point.
  await op.goto(`/sessions/${session.id}/roster`)
  const delegateRow = op.getByRole('row').filter({ hasText: name })
  await expect(delegateRow).toContainText(point.name)
  await expect(delegateRow).toContainText('Phó Chủ tịch UBND xã')
  await opContext.close()

  // The registrant sees the decision and opens their invitation.
  await person.reload()
  await expect(
    person.getByText('Đăng ký đã được duyệt. Bạn là đại biểu của hội nghị.'),
  ).toBeVisible()
  await shot(person, 'registration-status-approved')
  await person.getByRole('link', { name: 'Mở thư mời của bạn' }).click()
  await expect(person).toHaveURL(/\/p$/)
  await expect(person.getByRole('heading', { name, level: 1 })).toBeVisible()
  await phone.close()

  // Back to the organizer: the roster shows the QR of the new delegate's invitation.
  await page.goto(`/sessions/${session.id}/roster`)
  await page.getByRole('button', { name: `Sao chép link mời: ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Link mời của ${name}` })
  const qr = dialog.getByRole('img', { name: `Mã QR của link mời ${name}` })
  await expect(qr).toBeVisible()
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0)
  await shot(page, 'roster-invitation-qr')
})
