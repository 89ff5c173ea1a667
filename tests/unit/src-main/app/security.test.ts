import { describe, expect, it, vi } from 'vitest'
import { hardenSession, isExternalUrl } from '../../../../src-main/app/security.js'

describe('security', () => {
  it('only hands web and mail links to the system browser', () => {
    expect(isExternalUrl('https://example.org')).toBe(true)
    expect(isExternalUrl('mailto:contact@example.org')).toBe(true)
    expect(isExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isExternalUrl('javascript:alert(1)')).toBe(false)
    expect(isExternalUrl('pas une adresse')).toBe(false)
  })

  it('adds the strict CSP to every response and refuses permission requests', () => {
    let listener: ((details: unknown, callback: (response: unknown) => void) => void) | null = null
    let permissions: ((c: unknown, p: string, callback: (ok: boolean) => void) => void) | null =
      null
    let checks: ((c: unknown, p: string) => boolean) | null = null
    const session = {
      webRequest: { onHeadersReceived: (fn: typeof listener) => (listener = fn) },
      setPermissionRequestHandler: (fn: typeof permissions) => (permissions = fn),
      setPermissionCheckHandler: (fn: typeof checks) => (checks = fn),
    }
    hardenSession(session as never)
    const callback = vi.fn()
    listener!({ url: 'file:///app/index.html', responseHeaders: { 'x-test': ['1'] } }, callback)
    const headers = callback.mock.calls[0]![0].responseHeaders
    expect(headers['x-test']).toEqual(['1'])
    expect(headers['Content-Security-Policy'][0]).toMatch(/default-src 'self'/)
    expect(headers['Content-Security-Policy'][0]).toMatch(/script-src 'self'(;|$)/)
    // Nothing remote: the only http origin is the preview's, on loopback, and only as a frame.
    expect(headers['Content-Security-Policy'][0]).toContain(
      'frame-src atelier-preview: http://*.localhost:*',
    )
    expect(headers['Content-Security-Policy'][0].replace('http://*.localhost:*', '')).not.toMatch(
      /unsafe-eval|https?:/,
    )
    // The preview's responses keep their own policy (nonce for the bridge, framed by the app).
    const untouched = vi.fn()
    listener!({ url: 'atelier-preview://site/', responseHeaders: { 'x-test': ['1'] } }, untouched)
    expect(untouched).toHaveBeenCalledWith({})
    const allow = vi.fn()
    permissions!(null, 'geolocation', allow)
    expect(allow).toHaveBeenCalledWith(false)
    // Checks (`navigator.permissions`, clipboard, HID…) are refused too, not only requests.
    expect(checks!(null, 'clipboard-sanitized-write')).toBe(false)
    expect(checks!(null, 'media')).toBe(false)
  })
})
