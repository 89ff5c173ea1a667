/**
 * The name of the folder a guide is copied into, from its address
 * (`…/guide-sante.git` → `guide-sante`), as `git clone <url>` names it. Shared:
 * main makes the folder, the clone dialog says where it will be. A name that
 * could walk out of the chosen folder becomes `guide`.
 */
export function guideName(url: string): string {
  let pathname = url.trim()
  try {
    pathname = new URL(pathname).pathname
  } catch {
    // Not a URL: main refuses it in French; the name does not matter.
  }
  const last = decodeSafely(pathname.replace(/\/+$/, '').split('/').pop() ?? '')
  const name = last
    .replace(/\.git$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters make no folder name
    .replace(/[\x00-\x1f<>:"/\\|?*]/g, '-')
    .trim()
  return name === '' || /^\.+$/.test(name) ? 'guide' : name
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
