import type { ConfigProblem, PageEntry, SiteProblem } from '../../src-shared/api/types.js'

/** One page's problems in « Problèmes »: errors first, then by line. */
export interface ProblemGroup {
  path: string
  /** The page's title from the index, else its path. */
  title: string
  errors: number
  problems: SiteProblem[]
}

/** The open page's problems as typed, replacing what the background check found in its file. */
export interface LiveProblems {
  path: string
  problems: SiteProblem[]
}

/**
 * The checks' problems grouped by page for « Problèmes »: pages with an error first (the site
 * would not publish), then pages with warnings, each by title. What the view already shows
 * otherwise is left out: a page whose settings cannot be read is listed with the broken pages,
 * and a Liquid error already listed among the build problems is not listed twice.
 */
export function groupProblems(
  site: readonly SiteProblem[],
  live: LiveProblems | null,
  pages: readonly PageEntry[],
  configProblems: readonly ConfigProblem[] = [],
): ProblemGroup[] {
  const titles = new Map(pages.map((page) => [page.path, page.title]))
  const unreadable = new Set(pages.filter((page) => page.error).map((page) => page.path))
  const liquidListed = new Set(
    configProblems.filter((problem) => problem.code === 'liquid').map((problem) => problem.file),
  )
  const all = [
    ...site.filter((problem) => problem.path !== live?.path),
    ...(live?.problems ?? []),
  ].filter(
    (problem) =>
      !(problem.kind === 'front-matter' && unreadable.has(problem.path)) &&
      !(problem.kind === 'liquid' && liquidListed.has(problem.path)),
  )
  const byPath = new Map<string, SiteProblem[]>()
  for (const problem of all)
    byPath.set(problem.path, [...(byPath.get(problem.path) ?? []), problem])
  return [...byPath]
    .map(([path, problems]) => ({
      path,
      title: titles.get(path) || path,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      problems: [...problems].sort((a, b) => severityRank(a) - severityRank(b) || a.line - b.line),
    }))
    .sort(
      (a, b) =>
        Number(b.errors > 0) - Number(a.errors > 0) ||
        a.title.localeCompare(b.title, 'fr') ||
        a.path.localeCompare(b.path),
    )
}

/** How many problems the groups hold (the status bar's count). */
export function countProblems(groups: readonly ProblemGroup[]): number {
  return groups.reduce((total, group) => total + group.problems.length, 0)
}

function severityRank(problem: SiteProblem): number {
  return problem.severity === 'error' ? 0 : 1
}
