import { describe, expect, it } from 'vitest'
import matrix from './invitation-qr.txt?raw'
import { decodeInvitation, invitationToken } from './qr'

/** RGBA pixels of a QR module matrix ("1" dark), each module {scale}×{scale}, like a camera frame. */
function render(rows: string[], scale: number): { data: Uint8ClampedArray; w: number; h: number } {
  const w = rows[0]!.length * scale
  const h = rows.length * scale
  const data = new Uint8ClampedArray(w * h * 4)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dark = rows[Math.floor(y / scale)]![Math.floor(x / scale)] === '1'
      const i = (y * w + x) * 4
      data[i] = data[i + 1] = data[i + 2] = dark ? 20 : 235
      data[i + 3] = 255
    }
  }
  return { data, w, h }
}

describe('invitation QR decoding', () => {
  // invitation-qr.txt: the module matrix ZXing (the server's encoder) made for an invitation link
  const rows = matrix.trim().split('\n')

  it('reads the token from an image of an invitation QR', () => {
    const { data, w, h } = render(rows, 6)
    expect(decodeInvitation(data, w, h)).toBe('dci_checkin-test-token-xyz-012345678')
  })

  it('finds nothing in an image without a QR', () => {
    const { data, w, h } = render(
      rows.map((r: string) => '0'.repeat(r.length)),
      6,
    )
    expect(decodeInvitation(data, w, h)).toBeNull()
  })

  it('accepts links and bare tokens, nothing else', () => {
    expect(invitationToken('https://x.vn/i/dci_checkin-test-token-xyz-012345678?utm=1')).toBe(
      'dci_checkin-test-token-xyz-012345678',
    )
    expect(invitationToken(' dci_checkin-test-token-xyz-012345678 ')).toBe(
      'dci_checkin-test-token-xyz-012345678',
    )
    expect(invitationToken('https://example.com/khac')).toBeNull()
    expect(invitationToken('dci_short')).toBeNull()
  })
})
