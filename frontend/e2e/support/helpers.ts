import {
  expect,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** Each run makes its own data: names carry a short run id so reruns never collide. */
export const RUN = Date.now().toString(36).slice(-5)

export function unique(prefix: string): string {
  return `${prefix} ${RUN}${Math.random().toString(36).slice(2, 5)}`
}

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots'

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * Signs in like a person: the SPA's sign-in page, then the OIDC provider's login page (in tests
 * Quarkus' in-process dev server, which lists a button per configured user), then back.
 */
/** A delegate's phone: another browser context, no account, a phone-sized touch screen in Vietnamese. */
export function phoneContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    ...options,
  })
}

export async function signIn(page: Page, user = 'organizer', path = '/sessions'): Promise<void> {
  await page.goto(path)
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản cơ quan' }).click()
  await page.locator(`button[name="predefined-${user}"]`).click()
  await page.waitForURL((url) => url.pathname === path)
  await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible()
}

const JSON_HEADERS = { 'X-Requested-With': 'JavaScript', 'Accept-Language': 'vi' }

/** Calls the API with the browser's own session cookie (page.request shares the context's jar). */
export async function apiPost<T>(
  request: APIRequestContext,
  path: string,
  data: unknown,
): Promise<T> {
  const response = await request.post(path, { data, headers: JSON_HEADERS })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy()
  return (await response.json()) as T
}

export async function apiGet<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(path, { headers: JSON_HEADERS })
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBeTruthy()
  return (await response.json()) as T
}

/** A session made through the API, for flows whose subject is not the session form itself. */
export async function createSession(
  page: Page,
  title: string,
): Promise<{ id: number; title: string }> {
  return apiPost(page.request, '/api/sessions', {
    title,
    kind: 'CONFERENCE',
    startsAt: '2031-03-05T08:00:00+07:00',
    endsAt: '2031-03-05T11:30:00+07:00',
    location: 'Hội trường Tỉnh ủy',
  })
}

/** A unit in the master data, so points can be attached to it. */
export async function createUnit(
  page: Page,
  name: string,
  level: string,
  parentId: number | null = null,
): Promise<{ id: number; name: string }> {
  return apiPost(page.request, '/api/units', { name, level, parentId, code: null })
}

export interface Unit {
  id: number
  name: string
  path: string
}

/** A small unit tree of its own: a province with two districts, names unique to this run. */
export async function createUnitTree(page: Page): Promise<{ province: Unit; districts: Unit[] }> {
  const province = await apiPost<Unit>(page.request, '/api/units', {
    name: unique('Tỉnh Thái Nguyên'),
    level: 'PROVINCE',
    parentId: null,
    code: null,
  })
  const districts: Unit[] = []
  for (const name of ['Huyện Phú Lương', 'Huyện Đồng Hỷ']) {
    districts.push(
      await apiPost<Unit>(page.request, '/api/units', {
        name: unique(name),
        level: 'DISTRICT',
        parentId: province.id,
        code: null,
      }),
    )
  }
  return { province, districts }
}

export async function createPoint(
  page: Page,
  sessionId: number,
  body: { name?: string; unitId: number; mainHall?: boolean; expectedCount?: number },
): Promise<{ id: number; name: string }> {
  return apiPost(page.request, `/api/sessions/${sessionId}/points`, {
    mainHall: false,
    operators: [],
    ...body,
  })
}

/** The app's one polite live region (toasts such as "Đã lưu."). */
export function statusMessage(page: Page) {
  return page.locator('.status-region')
}
