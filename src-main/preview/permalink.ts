/** Jekyll's URL placeholders and permalink styles (Jekyll 4.3's `URL`, `Page#template`, `Document#url_template`). */

const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
}

/** A style name (`pretty`) or a template, as a template. */
export function permalinkTemplate(style: string): string {
  return STYLES[style] ?? style
}

/** Template of a plain page: Jekyll makes it follow the site's style (trailing slash or extension). */
export function pageTemplate(siteStyle: string, isHtml: boolean, isIndex: boolean): string {
  if (!isHtml) return '/:path/:basename:output_ext'
  if (isIndex) return '/:path/'
  if (siteStyle === 'pretty') return '/:path/:basename/'
  if (siteStyle in STYLES) return '/:path/:basename:output_ext'
  if (siteStyle.endsWith('/')) return '/:path/:basename/'
  return '/:path/:basename:output_ext'
}

/** Fills a template: `/themes/:name/` with `{ name: 'acces' }`. Unknown or empty parts vanish. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const filled = template.replace(/:([a-z_]+)/g, (whole, key: string) => {
    const value = values[key]
    return value === undefined ? whole : value
  })
  return sanitizeUrl(filled)
}

/** Collapses `//`, keeps one leading `/`, as Jekyll's `URL#sanitize_url`. */
export function sanitizeUrl(url: string): string {
  const cleaned = `/${url}`.replace(/\/{2,}/g, '/').replace(/\/\.\//g, '/')
  return cleaned
}

/** Percent-encodes what a URL path may not hold (non-ASCII, spaces), as Jekyll does. */
export function escapePath(url: string): string {
  return url
    .split('/')
    .map((part) =>
      encodeURIComponent(part).replace(/%2B/g, '+').replace(/%40/g, '@').replace(/%2C/g, ','),
    )
    .join('/')
}

/** The file written for a URL: `/a/` → `a/index.html`, `/a` → `a.html`. */
export function outputPath(url: string, outputExt: string): string {
  let file = decodeURIComponent(url)
  // Jekyll's `destination`: `index` plus the output extension (`flux/` → `flux/index.xml`).
  if (file.endsWith('/')) file += `index${outputExt}`
  else if (!/\.[a-z0-9]+$/i.test(file)) file += outputExt
  return file.replace(/^\/+/, '')
}

/**
 * Jekyll's `slugify`: `default` mode replaces runs of anything but letters
 * and digits (accents kept) with `-`; `pretty` also keeps `._~!$&'()+,;=@`.
 */
export function jekyllSlugify(
  text: string,
  mode: 'default' | 'pretty' = 'default',
  cased = false,
): string {
  const pattern =
    mode === 'pretty' ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu
  const slug = text.replace(pattern, '-').replace(/^-+|-+$/g, '')
  return cased ? slug : slug.toLowerCase()
}
