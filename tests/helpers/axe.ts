import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

/**
 * The accessibility audit for end-to-end tests: axe-core's own source, put
 * into the page as Chromium's devtools would (Playwright evaluates it through
 * the protocol, which the workbench's content-security policy does not
 * govern: no `bypassCSP`, the page runs as users get it), then run on the
 * document or a part of it.
 */

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const
export type Impact = (typeof IMPACTS)[number]

/** One rule broken, as axe reports it, reduced to what a reader of the test output needs. */
export interface Violation {
  id: string
  impact: Impact
  help: string
  /** The CSS selectors of the offending elements, and axe's summary for the first. */
  targets: string[]
  summary: string
}

export type ViolationsByImpact = Record<Impact, Violation[]>

let source: Promise<string> | null = null

function axeSource(): Promise<string> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return source
}

/**
 * Audits the page (or only the elements `include` selects) against WCAG 2.x
 * A and AA and axe's best practices, and answers the violations grouped by
 * impact. Frames are left out: the preview and review frames show the site's
 * own pages, from another origin.
 */
export async function audit(page: Page, include?: string): Promise<ViolationsByImpact> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource())
  const found = await page.evaluate(async (selector) => {
    interface AxeResult {
      id: string
      impact: string | null
      help: string
      nodes: { target: unknown[]; failureSummary?: string }[]
    }
    const axe = (
      window as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeResult[] }> }
      }
    ).axe
    const results = await axe.run(selector ? { include: [[selector]] } : document, {
      iframes: false,
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'minor',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary ?? '',
    }))
  }, include ?? null)
  const grouped: ViolationsByImpact = { critical: [], serious: [], moderate: [], minor: [] }
  for (const violation of found) grouped[violation.impact as Impact].push(violation as Violation)
  return grouped
}

/** How many elements break a rule of each impact. */
export function countByImpact(violations: ViolationsByImpact): Record<Impact, number> {
  const counts = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  for (const impact of IMPACTS)
    counts[impact] = violations[impact].reduce((sum, v) => sum + v.targets.length, 0)
  return counts
}

/** A plain-text table: one row per view, one column per impact. */
export function impactTable(rows: [string, Record<Impact, number>][]): string {
  const width = Math.max(4, ...rows.map(([name]) => name.length))
  const header = ['view'.padEnd(width), ...IMPACTS.map((impact) => impact.padStart(8))].join(' | ')
  const lines = rows.map(([name, counts]) =>
    [name.padEnd(width), ...IMPACTS.map((impact) => String(counts[impact]).padStart(8))].join(
      ' | ',
    ),
  )
  return [header, '-'.repeat(header.length), ...lines].join('\n')
}

/** The serious and critical violations, one line each, to read in a failed assertion. */
export function blocking(violations: ViolationsByImpact): string[] {
  return [...violations.critical, ...violations.serious].map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 4).join(', ')}`,
  )
}
