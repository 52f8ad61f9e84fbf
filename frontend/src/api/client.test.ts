import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  buildQuery,
  dispositionFileName,
  fieldErrors,
  onSessionExpired,
  parseProblem,
  request,
  setApiLanguage,
} from './client'

describe('parseProblem', () => {
  it('reads RFC 9457 problem JSON with field errors', () => {
    const body = JSON.stringify({
      type: 'urn:diemcau:problem:validation',
      title: 'Yêu cầu không hợp lệ',
      status: 400,
      detail: 'Dữ liệu gửi lên chưa hợp lệ: title: không được để trống',
      code: 'validation',
      errors: [{ field: 'title', message: 'không được để trống' }, { bogus: true }],
    })
    const p = parseProblem(400, 'application/problem+json', body)
    expect(p.status).toBe(400)
    expect(p.code).toBe('validation')
    expect(p.detail).toContain('chưa hợp lệ')
    expect(p.errors).toEqual([{ field: 'title', message: 'không được để trống' }])
  })

  it('turns HTML or empty bodies into a bare problem with the status', () => {
    expect(parseProblem(502, 'text/html', '<h1>Bad gateway</h1>')).toEqual({
      status: 502,
      code: 'http',
      errors: [],
    })
    expect(parseProblem(500, 'application/json', '')).toEqual({
      status: 500,
      code: 'http',
      errors: [],
    })
    expect(parseProblem(500, 'application/json', '{not json').code).toBe('http')
  })

  it('keeps the HTTP status when the body has none', () => {
    expect(parseProblem(409, 'application/problem+json', '{"detail":"x"}').status).toBe(409)
  })
})

describe('fieldErrors', () => {
  it('maps errors by field and joins repeats', () => {
    expect(
      fieldErrors({
        status: 400,
        errors: [
          { field: 'title', message: 'a.' },
          { field: 'title', message: 'b.' },
          { message: 'no field' },
        ],
      }),
    ).toEqual({ title: 'a. b.' })
    expect(fieldErrors(null)).toEqual({})
  })
})

describe('buildQuery', () => {
  it('drops empty values and encodes Vietnamese', () => {
    expect(buildQuery({ q: 'Nguyễn', page: 0, status: '', x: null, y: undefined })).toBe(
      '?q=Nguy%E1%BB%85n&page=0',
    )
    expect(buildQuery({})).toBe('')
  })
})

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(status: number, body: string, contentType = 'application/json') {
    const fetchMock = vi.fn(
      async () => new Response(body, { status, headers: { 'Content-Type': contentType } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    return fetchMock
  }

  it('sends the language, the JavaScript marker and same-origin credentials', async () => {
    const fetchMock = stubFetch(200, '{"id":1}')
    setApiLanguage('en')
    await expect(request('POST', '/api/x', { body: { a: 1 }, query: { q: 'a' } })).resolves.toEqual(
      {
        id: 1,
      },
    )
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/x?q=a')
    expect(init.credentials).toBe('same-origin')
    const headers = init.headers as Record<string, string>
    expect(headers['X-Requested-With']).toBe('JavaScript')
    expect(headers['Accept-Language']).toBe('en')
    expect(headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{"a":1}')
    setApiLanguage('vi')
  })

  it('throws ApiError with the problem and reports an expired session on 401 and 499', async () => {
    const expired = vi.fn()
    onSessionExpired(expired)
    for (const status of [401, 499]) {
      stubFetch(
        status,
        JSON.stringify({ status, code: 'unauthenticated', detail: 'Bạn cần đăng nhập' }),
      )
      const error = await request('GET', '/api/sessions').catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).status).toBe(status)
    }
    expect(expired).toHaveBeenCalledTimes(2)

    stubFetch(
      409,
      JSON.stringify({ status: 409, code: 'stale', detail: 'Dữ liệu vừa được thay đổi' }),
    )
    const stale = (await request('PUT', '/api/sessions/1').catch((e: unknown) => e)) as ApiError
    expect(stale.code).toBe('stale')
    expect(stale.message).toBe('Dữ liệu vừa được thay đổi')
    expect(expired).toHaveBeenCalledTimes(2)
  })

  it('reports network failures as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    const error = (await request('GET', '/api/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(error.code).toBe('network')
  })

  it('returns undefined for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    )
    await expect(request('DELETE', '/api/x')).resolves.toBeUndefined()
  })
})

describe('dispositionFileName', () => {
  it('prefers the exact UTF-8 name over the ASCII fallback', () => {
    expect(
      dispositionFileName(
        `attachment; filename="Giay moi - Diem cau Huyen Muong Te.pdf"; filename*=UTF-8''` +
          'Gi%E1%BA%A5y%20m%E1%BB%9Di%20%E2%80%93%20%C4%90i%E1%BB%83m%20c%E1%BA%A7u%20Huy%E1%BB%87n%20M%C6%B0%E1%BB%9Dng%20T%C3%A8.pdf',
      ),
    ).toBe('Giấy mời – Điểm cầu Huyện Mường Tè.pdf')
  })

  it('falls back to the plain name, and to nothing', () => {
    expect(dispositionFileName('attachment; filename="bao-cao.pdf"')).toBe('bao-cao.pdf')
    expect(dispositionFileName(`attachment; filename="a.pdf"; filename*=UTF-8''%E0%A4`)).toBe(
      'a.pdf',
    )
    expect(dispositionFileName('attachment')).toBeNull()
    expect(dispositionFileName(null)).toBeNull()
  })
})
