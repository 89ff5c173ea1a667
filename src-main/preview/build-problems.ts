import type { ConfigProblem } from '../../src-shared/api/types.js'
import { configProblem } from '../../src-shared/config/config-problem.js'
import type { BoundedRenderer } from './bounded-renderer.js'
import type { Site } from './site-model.js'

/**
 * For « Problèmes »: what would stop `jekyll build` in the site's own files,
 * each with its file and line, in the same shape as a settings problem.
 * Every stylesheet is built (Liquid, then Sass) and every page's Liquid is
 * parsed — not rendered, which would cost a whole build on each refresh —
 * all in the render worker, under its limits.
 */
export async function listBuildProblems(
  site: Site,
  renderer: BoundedRenderer,
): Promise<ConfigProblem[]> {
  const problems: ConfigProblem[] = []
  const own = (file: { root: string }) => file.root === site.root
  for (const file of site.sassFiles.filter(own)) {
    const outcome = await renderer.compileSass(site, file)
    if (outcome.ok) continue
    problems.push(
      configProblem(
        outcome.kind === 'liquid' ? 'liquid' : 'sass',
        outcome.place?.file ?? file.relativePath,
        outcome.place?.line ?? null,
      ),
    )
  }
  for (const doc of site.documents) {
    if (doc.output === null || doc.data.render_with_liquid === false) continue
    const outcome = await renderer.check(site, doc)
    if (outcome.ok || !outcome.place) continue
    problems.push(configProblem('liquid', outcome.place.file, outcome.place.line))
  }
  return problems
}
