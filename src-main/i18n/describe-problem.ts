import type { FrontMatterProblem } from '../../src-shared/api/types.js'
import { translate } from '../../src-shared/i18n/translate.js'

/**
 * A page problem with its French message, for the CLI and logs. The renderer
 * re-translates from `code` and `line` into the user's language.
 */
export function describeProblem(
  code: FrontMatterProblem['code'],
  line: number | null,
): FrontMatterProblem {
  const message = translate('fr', `problems.${code}`, {})
  return {
    code,
    line,
    message: line === null ? message : `${message} ${translate('fr', 'problems.atLine', { line })}`,
  }
}
