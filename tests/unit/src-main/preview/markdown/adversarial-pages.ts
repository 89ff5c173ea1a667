/**
 * Pages built to make a Markdown parser slow or deep: each is n repetitions
 * of a few characters. Shared by the scaling test and `npm run bench`.
 */
export const ADVERSARIAL_PAGES: Record<string, (n: number) => string> = {
  'crochets [': (n) => '['.repeat(n),
  'crochets fermés tard [ … ]': (n) => `${'['.repeat(n)}a${']'.repeat(3)}`,
  'images ![': (n) => '!['.repeat(n),
  'emphases *a': (n) => '*a '.repeat(n),
  'emphases **a': (n) => '**a'.repeat(n),
  'soulignés _': (n) => '_a_ _'.repeat(n),
  'liens ouverts [a](': (n) => '[a]('.repeat(n),
  'chevrons <': (n) => '<'.repeat(n),
  'balises <a ': (n) => '<a '.repeat(n),
  'accents graves `': (n) => '` `` '.repeat(n),
  'citations > > >': (n) => `${'> '.repeat(n)}a`,
  'citations >>>': (n) => `${'>'.repeat(n)} a`,
  'listes - - -': (n) => `${'- '.repeat(n)}a`,
  'listes numérotées 1. 1.': (n) => `${'1. '.repeat(n)}a`,
  'définitions de liens': (n) => '[a]: b\n'.repeat(n),
}
