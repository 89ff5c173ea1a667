import type { SiteProblem, SiteProblemCode } from '../../src-shared/api/types.js'
import { translate } from '../../src-shared/i18n/translate.js'

/** Whether `jekyll build` stops on a problem of this kind (checked against Debian's Jekyll 4.3). */
const STOPS_THE_BUILD: ReadonlySet<SiteProblemCode> = new Set([
  'link-tag',
  'post-url',
  'include',
  'liquid',
])

/** A problem with its French message; errors are exactly what makes `jekyll build` fail. */
export function siteProblem(
  code: SiteProblemCode,
  place: { path: string; line: number; text: string },
  params: Record<string, string> = {},
  suggestion?: string | null,
): SiteProblem {
  const message = translate('fr', `checks.${code}`, params)
  return {
    path: place.path,
    line: place.line,
    kind: code,
    severity: STOPS_THE_BUILD.has(code) ? 'error' : 'warning',
    code,
    params,
    text: place.text,
    ...(suggestion ? { suggestion } : {}),
    message: suggestion
      ? `${message} ${translate('fr', 'checks.suggestion', { suggestion })}`
      : message,
  }
}

/** Errors first, then by page and line: the order « Problèmes » and the CLI give. */
export function compareProblems(a: SiteProblem, b: SiteProblem): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1
  if (a.path !== b.path) return a.path < b.path ? -1 : 1
  return a.line - b.line
}
