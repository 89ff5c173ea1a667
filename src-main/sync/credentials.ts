/**
 * Who Atelier says it is to a git host. A provider answers only when the host
 * asks (HTTP 401), and credentials live in memory or in the environment:
 * never in `.git/config`, never in a URL written to disk.
 */
export interface Credentials {
  username: string
  password: string
}

export interface CredentialsProvider {
  /** Credentials for the repository at `url`, or null when there are none. */
  forUrl(url: string): Credentials | null
}

/** `ATELIER_GIT_USERNAME` / `ATELIER_GIT_PASSWORD`, for scripts and the CLI. */
export function environmentCredentials(
  env: Record<string, string | undefined> = process.env,
): CredentialsProvider {
  return {
    forUrl: () => {
      const username = env.ATELIER_GIT_USERNAME
      const password = env.ATELIER_GIT_PASSWORD
      return username || password ? { username: username ?? '', password: password ?? '' } : null
    },
  }
}

/** Credentials kept for the session only, one per host (the test host's store). */
export class MemoryCredentials implements CredentialsProvider {
  private readonly byHost = new Map<string, Credentials>()

  set(url: string, credentials: Credentials): void {
    this.byHost.set(hostOf(url), credentials)
  }

  forget(url: string): void {
    this.byHost.delete(hostOf(url))
  }

  forUrl(url: string): Credentials | null {
    return this.byHost.get(hostOf(url)) ?? null
  }
}

/** The first provider that has credentials for a URL. */
export function firstOf(...providers: CredentialsProvider[]): CredentialsProvider {
  return {
    forUrl: (url) => {
      for (const provider of providers) {
        const found = provider.forUrl(url)
        if (found) return found
      }
      return null
    },
  }
}

/**
 * A URL as typed may carry `user:token@`: the URL kept (in `.git/config`) is
 * the one without them; the credentials are handed to a provider instead.
 */
export function splitUrlCredentials(url: string): { url: string; credentials: Credentials | null } {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { url, credentials: null }
  }
  if (!parsed.username && !parsed.password) return { url, credentials: null }
  const credentials = {
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  }
  parsed.username = ''
  parsed.password = ''
  return { url: parsed.toString(), credentials }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
