import type { SiteProblem } from '../../src-shared/api/types.js'
import type { CheckContext, PageUnderCheck } from './check-context.js'
import { siteProblem } from './site-problem.js'

/**
 * Liquid that does not parse (a tag never closed, an unknown tag): `jekyll build` stops on it.
 * Parsed with the preview's LiquidJS set-up, not rendered; the message is ours, never the parser's.
 */
export function checkLiquid(context: CheckContext, page: PageUnderCheck): SiteProblem[] {
  if (!page.liquid) return []
  const { body, bodyLine } = page.read
  try {
    context.liquid.parse(body)
    return []
  } catch (error) {
    const token = (
      error as { token?: { getPosition?: () => [number, number]; getText?: () => string } }
    ).token
    const position = token?.getPosition?.()
    const line = position ? bodyLine + position[0] - 1 : bodyLine
    const text = token?.getText?.().split('\n')[0] ?? ''
    return [siteProblem('liquid', { path: page.path, line, text })]
  }
}
