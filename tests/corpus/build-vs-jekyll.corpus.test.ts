import path from 'node:path'
import { describe, it } from 'vitest'
import { expectBuildLikeJekyll, hasJekyll } from '../helpers/jekyll-differential.js'

const minima = path.resolve(import.meta.dirname, '../../../shared/corpus/sites/minima')

/** Jekyll and the two plugins minima's `_config.yml` names (seo-tag, feed). */
describe.skipIf(!hasJekyll(['jekyll-seo-tag', 'jekyll-feed']))(
  'cli build agrees with jekyll build on minima',
  () => {
    it('writes the same files, every page with the same visible text, the same stylesheet rules', async () => {
      await expectBuildLikeJekyll(minima, {
        minPages: 6,
        stylesheets: ['assets/css/style.css'],
      })
    }, 180_000)
  },
)
