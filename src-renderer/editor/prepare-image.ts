import type { PreparedImage } from '../stores/image-store.js'

/** Wider images are scaled down to this: enough for the site, small for slow connections. */
export const MAX_WIDTH = 1600
/** Larger files are recompressed even when narrow enough. */
export const RECOMPRESS_BYTES = 400 * 1024

/**
 * Scales an image down to 1600 px wide and recompresses it when it is large,
 * in the renderer (Chromium decodes every format), so the repository stays
 * small. PNG stays PNG (transparency); other formats become JPEG.
 */
export async function prepareImage(file: File): Promise<PreparedImage> {
  const bitmap = await createImageBitmap(file)
  const scale = Math.min(1, MAX_WIDTH / bitmap.width)
  if (scale === 1 && file.size <= RECOMPRESS_BYTES) {
    return { name: file.name, data: await toBase64(file), width: bitmap.width }
  }
  const width = Math.round(bitmap.width * scale)
  const height = Math.round(bitmap.height * scale)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
  const png = file.type === 'image/png'
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (result) => (result ? resolve(result) : reject(new Error('encode'))),
      png ? 'image/png' : 'image/jpeg',
      0.85,
    ),
  )
  // Recompressing a small image may make it bigger: keep whichever is smaller.
  const keep = scale === 1 && blob.size >= file.size ? file : blob
  const name = png || keep === file ? file.name : file.name.replace(/\.[^.]+$/, '') + '.jpg'
  return { name, data: await toBase64(keep), width: keep === file ? bitmap.width : width }
}

async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  return btoa(binary)
}

/** The workspace path an image's Markdown address points to, or null for an external image. */
export function workspaceImagePath(src: string): string | null {
  const liquid = /^\{\{\s*['"]([^'"]+)['"]\s*\|\s*(?:relative_url|absolute_url)\s*\}\}$/.exec(
    src.trim(),
  )
  const address = liquid ? liquid[1]! : src.trim()
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) return null
  return decodeURI(address.replace(/^\/+/, '').replace(/[?#].*$/, ''))
}
