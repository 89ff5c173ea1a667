/**
 * The version of Jekyll whose behaviour the preview reproduces: Debian's
 * `jekyll` 4.3.1, the judge every differential test builds with. A page that
 * prints `{{ jekyll.version }}` shows what that Jekyll would publish.
 */
export const EMULATED_JEKYLL_VERSION = '4.3.1'

/** Jekyll's `jekyll` Liquid variable (`Jekyll::Drops::JekyllDrop`). */
export interface JekyllDrop {
  readonly version: string
  /** `JEKYLL_ENV` (sites show analytics only in `production`), else `development`. */
  readonly environment: string
}

/**
 * As Jekyll's `Jekyll.env` reads it: `ENV["JEKYLL_ENV"] || "development"`, so
 * an empty value (truthy in Ruby) is kept as it is.
 */
export function jekyllDrop(env: Readonly<Record<string, string | undefined>>): JekyllDrop {
  return { version: EMULATED_JEKYLL_VERSION, environment: env.JEKYLL_ENV ?? 'development' }
}
