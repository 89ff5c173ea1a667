import path from 'node:path'

/**
 * Rewrites a built page's site-absolute links (`/themes/acces/`,
 * `/assets/css/style.css`) relative to the page itself, and folder links to
 * their `index.html`, so the exported folder works from `file://` (a USB key)
 * with no server. External links and anchors are left alone.
 */
export function relativizeLinks(html: string, output: string, baseurl: string): string {
  const from = path.posix.dirname(`/${output}`)
  const base = baseurl ? `/${baseurl.replace(/^\/+|\/+$/g, '')}` : ''
  return html.replace(
    /(\s(?:href|src|action|poster)\s*=\s*)(["'])(\/(?!\/)[^"'#?]*)([^"']*)\2/gi,
    (_whole, attribute: string, quote: string, target: string, suffix: string) => {
      let local = target
      if (base && (local === base || local.startsWith(`${base}/`)))
        local = local.slice(base.length) || '/'
      if (local.endsWith('/')) local += 'index.html'
      let relative = path.posix.relative(from, local)
      if (relative === '') relative = path.posix.basename(local)
      return `${attribute}${quote}${relative}${suffix}${quote}`
    },
  )
}
