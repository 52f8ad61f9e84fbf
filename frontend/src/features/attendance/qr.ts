import jsQR from 'jsqr'

/**
 * The invitation link inside a camera frame (RGBA pixels), or null. Only links whose last path
 * segment looks like an invitation token count, so a random QR on a poster is ignored.
 */
export function decodeInvitation(
  data: Uint8ClampedArray,
  width: number,
  height: number,
): string | null {
  const code = jsQR(data, width, height, { inversionAttempts: 'dontInvert' })
  if (!code) return null
  return invitationToken(code.data)
}

/** "https://…/i/dci_…" or a bare token → the token; anything else → null. */
export function invitationToken(text: string): string | null {
  const trimmed = text.trim().split('?')[0] ?? ''
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1)
  return /^dci_[A-Za-z0-9_-]{32}$/.test(last) ? last : null
}
