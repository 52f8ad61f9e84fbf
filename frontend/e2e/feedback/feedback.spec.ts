import { expect, test } from '@playwright/test'
import { apiPost, createSession, shot, signIn, unique, phoneContext } from '../support/helpers'

const DESKTOP = { width: 1366, height: 900 }

test('the organizer writes a feedback form, opens it, a delegate answers on the phone, the summary and the Excel export show it', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  // ---- setup through the REST API: a live session with a point and two delegates ----
  await page.setViewportSize(DESKTOP)
  await signIn(page, 'organizer')
  const session = await createSession(
    page,
    unique('Lớp bồi dưỡng công tác bảo vệ chính trị nội bộ'),
  )
  const sid = session.id
  await apiPost(page.request, `/api/sessions/${sid}/points`, {
    name: unique('Hội trường Tỉnh ủy'),
    mainHall: true,
    expectedCount: 120,
  })
  const point = await apiPost<{ id: number }>(page.request, `/api/sessions/${sid}/points`, {
    name: unique('Điểm cầu Huyện Vĩnh Linh'),
    mainHall: false,
    expectedCount: 40,
  })
  const tokens: string[] = []
  for (const name of ['Nguyễn Thị Lan', 'Trần Văn Bình']) {
    const d = await apiPost<{ id: number }>(page.request, `/api/sessions/${sid}/delegates`, {
      fullName: unique(name),
      position: 'Chuyên viên',
      unitName: 'Xã Vĩnh Hòa',
      pointId: point.id,
    })
    const inv = await apiPost<{ token: string }>(
      page.request,
      `/api/sessions/${sid}/delegates/${d.id}/invitation`,
      {},
    )
    tokens.push(inv.token)
  }
  await apiPost(page.request, `/api/sessions/${sid}/schedule`, {})
  await apiPost(page.request, `/api/sessions/${sid}/live/commands`, {
    type: 'session.start',
    commandId: `start-${sid}`,
  })

  // ---- the organizer writes the form on the session's "Phiếu đánh giá" tab ----
  await page.goto(`/sessions/${sid}`)
  await page
    .getByRole('navigation', { name: 'Các phần của hội nghị' })
    .getByRole('link', { name: 'Phiếu đánh giá' })
    .click()
  await expect(page).toHaveURL(new RegExp(`/sessions/${sid}/feedback$`))
  await expect(page.getByRole('heading', { name: 'Soạn phiếu đánh giá' })).toBeVisible()
  const formTitle = unique('Phiếu đánh giá lớp bồi dưỡng')
  await page.getByLabel('Tiêu đề phiếu').fill(formTitle)
  await page.getByRole('button', { name: '+ Câu chấm điểm' }).click()
  // The new question's text gets the focus, so one can type at once.
  await expect(page.getByLabel('Nội dung câu 1')).toBeFocused()
  await page.keyboard.type('Nội dung lớp học thiết thực')
  await page.getByRole('button', { name: '+ Câu lựa chọn' }).click()
  await page.getByLabel('Nội dung câu 2').fill('Thời lượng lớp học')
  const options = page.getByRole('group', { name: 'Phương án của câu 2' })
  await options.getByLabel('Phương án 1', { exact: true }).fill('Ngắn')
  await options.getByLabel('Phương án 2', { exact: true }).fill('Vừa đủ')
  await options.getByRole('button', { name: 'Thêm phương án' }).click()
  await options.getByLabel('Phương án 3', { exact: true }).fill('Dài')
  await page.getByRole('button', { name: '+ Câu ý kiến' }).click()
  await page.getByLabel('Nội dung câu 3').fill('Góp ý khác')
  await expect(page.getByLabel('Tự mở khi hội nghị kết thúc')).toBeChecked()
  await page.getByRole('button', { name: 'Lưu phiếu' }).click()
  await expect(page.getByTestId('feedback-state')).toContainText('Chưa mở')
  await expect(page.getByTestId('feedback-responses')).toContainText('0 phiếu đã gửi')
  await shot(page, 'feedback-form-editor')

  // ---- saved as a reusable question set, which the templates page lists ----
  const setName = unique('Bộ câu hỏi lớp bồi dưỡng')
  await page.getByRole('button', { name: 'Lưu thành bộ câu hỏi' }).click()
  const dialog = page.getByRole('dialog', { name: 'Lưu thành bộ câu hỏi' })
  await dialog.getByLabel('Tên bộ câu hỏi').fill(setName)
  await dialog.getByRole('button', { name: 'Lưu' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status')).toContainText(`Đã lưu thành bộ câu hỏi „${setName}”.`)

  // ---- a delegate has the phone open: no form yet while it is a draft ----
  const phone = await phoneContext(browser)
  const delegatePage = await phone.newPage()
  await delegatePage.goto(`/i/${tokens[0]}`)
  await expect(delegatePage).toHaveURL(/\/p$/)
  // connected first, so the form can only come through the live event
  await expect(delegatePage.locator('.live-conn').first()).toHaveText('Trực tuyến')
  await expect(delegatePage.getByTestId('feedback')).toHaveCount(0)

  // ---- open it now, after confirming ----
  await page.getByRole('button', { name: 'Mở phiếu ngay' }).click()
  const confirm = page.getByRole('dialog', { name: 'Mở phiếu đánh giá ngay?' })
  await confirm.getByRole('button', { name: 'Mở phiếu ngay' }).click()
  await expect(page.getByTestId('feedback-state')).toContainText('Đang nhận đánh giá')

  // ---- the phone shows it at once (feedback.opened); the delegate answers, a second one by API ----
  const panel = delegatePage.getByTestId('feedback')
  await expect(panel).toContainText(formTitle)
  await panel.getByRole('group', { name: '1. Nội dung lớp học thiết thực' }).getByLabel('4').check()
  await panel.getByRole('group', { name: '2. Thời lượng lớp học' }).getByLabel('Vừa đủ').check()
  const comment = 'Nên tổ chức thêm lớp cho cán bộ cấp xã'
  await panel.getByLabel('Góp ý khác').fill(comment)
  await shot(delegatePage, 'feedback-phone-answering')
  await panel.getByRole('button', { name: 'Gửi phiếu đánh giá' }).click()
  await expect(panel).toContainText('Cảm ơn đồng chí đã gửi phiếu đánh giá.')

  const second = await browser.newContext()
  const answered = await second.request.post(`/api/sessions/${sid}/feedback/responses`, {
    headers: { Authorization: `Invitation ${tokens[1]}`, 'X-Requested-With': 'JavaScript' },
    data: {
      answers: [
        { position: 0, rating: 5 },
        { position: 1, choice: 1 },
      ],
    },
  })
  expect(answered.status(), await answered.text()).toBe(201)

  // ---- the organizer reads the summary: average, distribution, the comment ----
  const summary = page.getByRole('region', { name: 'Tổng hợp kết quả' })
  await summary.getByRole('button', { name: 'Cập nhật' }).click()
  await expect(page.getByTestId('feedback-summary-responses')).toContainText(
    'Đã có 2 phiếu trả lời.',
  )
  const questions = summary.getByTestId('feedback-summary-question')
  await expect(questions).toHaveCount(3)
  await expect(questions.nth(0).getByTestId('feedback-average')).toHaveText(
    'Điểm trung bình: 4,5/5',
  )
  const ratingBars = questions.nth(0).getByTestId('feedback-bar')
  await expect(ratingBars).toHaveCount(5)
  await expect(ratingBars.nth(3)).toContainText('1 (50%)')
  await expect(ratingBars.nth(4)).toContainText('1 (50%)')
  const choiceBars = questions.nth(1).getByTestId('feedback-bar')
  await expect(choiceBars.nth(1)).toContainText('Vừa đủ')
  await expect(choiceBars.nth(1)).toContainText('2 (100%)')
  await expect(questions.nth(2).getByTestId('feedback-text')).toHaveText([comment])
  await shot(page, 'feedback-summary')

  // ---- the Excel export downloads ----
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    summary.getByRole('link', { name: 'Tải Excel' }).click(),
  ])
  // the file keeps the form's Vietnamese title (Content-Disposition filename*)
  expect(download.suggestedFilename()).toBe(`Tổng hợp – ${formTitle}.xlsx`)
  const path = await download.path()
  const { statSync } = await import('node:fs')
  expect(statSync(path).size).toBeGreaterThan(1000)

  // ---- close it, after confirming; then the question set is on the templates page ----
  await page.getByRole('button', { name: 'Đóng phiếu' }).click()
  await page
    .getByRole('dialog', { name: 'Đóng phiếu đánh giá?' })
    .getByRole('button', { name: 'Đóng phiếu' })
    .click()
  await expect(page.getByTestId('feedback-state')).toContainText('Đã đóng')

  await page.getByRole('link', { name: 'Quản lý bộ câu hỏi' }).click()
  await expect(page.getByRole('heading', { name: 'Bộ câu hỏi phiếu đánh giá' })).toBeVisible()
  const row = page.getByTestId('feedback-template-row').filter({ hasText: setName })
  await expect(row).toContainText('3 câu')
  await shot(page, 'feedback-templates')
  await row.getByRole('button', { name: `Xóa: ${setName}` }).click()
  await page
    .getByRole('dialog', { name: 'Xóa bộ câu hỏi?' })
    .getByRole('button', { name: 'Xóa' })
    .click()
  await expect(page.getByTestId('feedback-template-row').filter({ hasText: setName })).toHaveCount(
    0,
  )

  await second.close()
  await phone.close()
})
