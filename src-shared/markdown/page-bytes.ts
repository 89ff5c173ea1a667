/** Pages larger than this open read-only: an old laptop must not freeze on a data dump. */
export const PAGE_BYTE_LIMIT = 5 * 1024 * 1024

export type DecodedPage =
  { ok: true; text: string } | { ok: false; reason: 'too-large' | 'binary' | 'not-utf8' }

/** Bytes → text, or why the page cannot be edited safely (the save path then refuses to write). */
export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes.length > PAGE_BYTE_LIMIT) return { ok: false, reason: 'too-large' }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' }
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
    }
  } catch {
    return { ok: false, reason: 'not-utf8' }
  }
}
