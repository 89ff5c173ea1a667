/**
 * Replaces what would need the network in a previewed page — remote images,
 * iframes, videos, embeds — by a visible French placeholder, unless the user
 * allowed external content. The page's own CSP blocks them anyway; this
 * tells the reader what is missing instead of showing a broken image.
 */
const EXTERNAL = /^(?:https?:)?\/\//i

export function replaceExternalContent(html: string, placeholder: string): string {
  const box = (tag: string) =>
    `<span class="atelier-external" role="img" aria-label="${placeholder}" data-tag="${tag}" style="display:inline-block;padding:.5em .75em;border:1px dashed #888;color:#555;background:#f4f4f4;font:14px/1.4 sans-serif">${placeholder}</span>`
  return html
    .replace(
      /<(img|embed|source|track)\b([^>]*?)\/?>/gi,
      (whole, tag: string, attributes: string) =>
        EXTERNAL.test(attribute(attributes, 'src') ?? '') ? box(tag.toLowerCase()) : whole,
    )
    .replace(
      /<(iframe|video|audio|object)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi,
      (whole, tag: string, attributes: string) =>
        EXTERNAL.test(attribute(attributes, tag.toLowerCase() === 'object' ? 'data' : 'src') ?? '')
          ? box(tag.toLowerCase())
          : whole,
    )
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    attributes,
  )
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null
}

/**
 * The preview's Content-Security-Policy: no script but Atelier's bridge (the
 * one carrying this response's nonce — no 'self', no 'unsafe-inline', so
 * neither the page's scripts nor its `on…=` attributes nor `javascript:`
 * links run), nothing from the network (unless the user allowed external
 * content), and only the workbench may frame it.
 */
export function previewCsp(options: {
  allowExternal: boolean
  frameAncestors: string
  /** The bridge's nonce; without one, no script at all (files other than pages). */
  nonce?: string
}): string {
  const remote = options.allowExternal ? ' https: http:' : ''
  return [
    "default-src 'none'",
    options.nonce ? `script-src 'nonce-${options.nonce}'` : "script-src 'none'",
    `img-src 'self' data:${remote}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    `media-src 'self'${remote}`,
    `frame-src${remote || " 'none'"}`,
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors ${options.frameAncestors}`,
  ].join('; ')
}
