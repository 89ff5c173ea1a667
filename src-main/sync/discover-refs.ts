import { AtelierError } from '../../src-shared/api/atelier-error.js'
import type { Credentials, CredentialsProvider } from './credentials.js'
import { checkStatus, readAdvertisement, readAll, requestHeaders } from './pkt-line.js'
import type { Transport } from './transport.js'

/** As git: a few hops are a moved repository, more are a loop. */
const MAX_REDIRECTS = 5
/** A redirect's own page is read and dropped; a host streaming one forever is cut off. */
const REDIRECT_BODY_BYTES = 64 * 1024
/** The ref advertisement: 10,000 refs with long names fit in about 1 MiB. */
export const ADVERTISEMENT_BYTES = 16 * 1024 * 1024

export type Service = 'git-upload-pack' | 'git-receive-pack'

/** What a host says of itself at `info/refs`: its refs by full name, and what it can do. */
export interface Advertisement {
  refs: Map<string, string>
  capabilities: Set<string>
  /** Where the host's repository answered (after a moved repository's redirects): the requests that follow go there. */
  url: string
  /** What was sent to that host: the credentials known for it, or none. The pack goes with them. */
  given: Credentials | null
}

/**
 * The first request of every exchange with a host, `<url>/info/refs?service=…`,
 * following redirects as git does by default (`http.followRedirects = initial`):
 * a renamed repository answers 301 to every address, uploads included, and a
 * redirected POST loses its body (a 301 turns it into a GET). So only this GET
 * follows them, and the POSTs go to the address it ended at. Credentials go to
 * the host they were given for only, never carried to another.
 */
export async function discoverRefs(
  http: Transport,
  url: string,
  service: Service,
  credentials: CredentialsProvider,
): Promise<Advertisement> {
  let base = url
  for (let hop = 0; ; hop++) {
    // Credentials go only to the host they were given for: after a hop to another one,
    // none (a token in the environment answers any address it is asked for).
    const given = sameOrigin(base, url) ? credentials.forUrl(base) : null
    const response = await http.request({
      url: `${base}/info/refs?service=${service}`,
      method: 'GET',
      headers: requestHeaders(given),
    })
    const location = response.headers?.location
    if (response.statusCode >= 300 && response.statusCode < 400 && location) {
      await readAll(response.body, REDIRECT_BODY_BYTES)
      const next = redirectedBase(base, location, service)
      if (next === null || hop >= MAX_REDIRECTS) {
        throw new AtelierError('network-server', `redirect to ${location}`)
      }
      base = next
      continue
    }
    const body = await readAll(response.body, ADVERTISEMENT_BYTES)
    checkStatus(response.statusCode)
    return { ...readAdvertisement(body, service), url: base, given }
  }
}

function sameOrigin(one: string, two: string): boolean {
  return new URL(one).origin === new URL(two).origin
}

/**
 * The repository's new address from a redirect of its `info/refs`, or null when
 * git would not follow it: from HTTPS down to HTTP, to anything but HTTP(S), or
 * to an address that is not that of a git repository's refs (a login page).
 */
export function redirectedBase(base: string, location: string, service: Service): string | null {
  let target: URL
  try {
    target = new URL(location, `${base}/info/refs?service=${service}`)
  } catch {
    return null
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return null
  if (new URL(base).protocol === 'https:' && target.protocol !== 'https:') return null
  const suffix = '/info/refs'
  if (!target.pathname.endsWith(suffix) || target.searchParams.get('service') !== service) {
    return null
  }
  target.pathname = target.pathname.slice(0, -suffix.length)
  target.search = ''
  target.hash = ''
  return target.toString().replace(/\/$/, '')
}
