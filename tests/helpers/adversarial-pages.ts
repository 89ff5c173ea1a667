/**
 * Pages written to make a Markdown parser slow or deep (the editor's reading and
 * the kramdown port alike; `npm run bench` prints the time per repetition of each
 * at growing n, which stays flat while parsing is linear): each builds a text of
 * about `n` repetitions of a pattern that opens something never (or very
 * late) closed, or nests. A parser that rescans the rest of the text from each
 * opener, or recurses once per level, is caught by one of them.
 */
export const adversarialPages: Record<string, (n: number) => string> = {
  'brackets [': (n) => '['.repeat(n),
  'images ![': (n) => '!['.repeat(n),
  'closed brackets []…(': (n) => '[]'.repeat(n) + '('.repeat(n),
  'unclosed links [a](': (n) => '[a]('.repeat(n),
  'nested brackets [[…]]': (n) => '['.repeat(n) + 'x' + ']'.repeat(n),
  'nested links [[…](u)': (n) => '['.repeat(n) + 'x' + '](u)'.repeat(n),
  'emphasis *a': (n) => '*a '.repeat(n),
  'emphasis _a': (n) => '_a '.repeat(n),
  'strong **a': (n) => '**a '.repeat(n),
  'strong __a': (n) => '__a '.repeat(n),
  'underscores _': (n) => '_'.repeat(n),
  'nested emphasis *_…_*': (n) => '*_'.repeat(n) + 'x' + '_*'.repeat(n),
  'backticks `a': (n) => '`a '.repeat(n),
  'backtick runs': (n) =>
    Array.from({ length: n }, (_, i) => '`'.repeat((i % 7) + 1) + 'a').join(' '),
  'less-than <': (n) => '<'.repeat(n),
  'html <a href="': (n) => '<a href="'.repeat(n),
  'comments <!--': (n) => '<!--'.repeat(n),
  'autolinks <http://': (n) => '<http://'.repeat(n),
  'liquid {{': (n) => '{{'.repeat(n),
  'liquid {%': (n) => '{%'.repeat(n),
  'span IAL {:': (n) => '{:'.repeat(n),
  'footnotes [^': (n) => '[^'.repeat(n),
  'math $$': (n) => '$$ '.repeat(n),
  backslashes: (n) => '\\'.repeat(n),
  'hard breaks': (n) => 'a' + '  \n'.repeat(n),
  'heading spaces': (n) => '# a' + ' \t'.repeat(n) + 'x',
  'heading hashes': (n) => '# a' + ' #'.repeat(n) + 'x',
  'quotes >': (n) => '>'.repeat(n) + ' x',
  'quotes > >': (n) => '> '.repeat(n) + 'x',
  'lazy quotes': (n) => '> a\nb\n'.repeat(n),
  'lists - -': (n) => '- '.repeat(n) + 'x',
  'ordered lists 1. 1.': (n) => '1. '.repeat(n) + 'x',
  'quotes in lists - >': (n) => '- > '.repeat(n) + 'x',
  'loose list': (n) => '- a\n\n  b\n'.repeat(n),
  'link definitions': (n) =>
    Array.from({ length: n }, (_, i) => `[a${i}]: /u${i}`).join('\n') + '\n\n' + '[a1] '.repeat(n),
  'definition lists': (n) => 'a\n: b\n\n'.repeat(n),
  'setext headings': (n) => 'a\n-\n'.repeat(n),
  fences: (n) => '~~~a\n'.repeat(n),
  'mixed metacharacters': (n) => '*[_`<{!>'.repeat(n),
  // Brackets closed only at the very end, tags left open, runs of code spans.
  'brackets closed late [ … ]': (n) => `${'['.repeat(n)}a${']'.repeat(3)}`,
  'strong without spaces **a': (n) => '**a'.repeat(n),
  'underscores _a_ _': (n) => '_a_ _'.repeat(n),
  'open tags <a ': (n) => '<a '.repeat(n),
  'code spans ` ``': (n) => '` `` '.repeat(n),
  'bare link definitions': (n) => '[a]: b\n'.repeat(n),
  // kramdown's block rules look ahead (to an end tag, a list's tail, a definition): none may rescan.
  'unclosed HTML blocks': (n) => '<div>\n\n'.repeat(n),
  'HTML blocks closed at the very end': (n) => '<div>\nx\n\n'.repeat(n) + '</div>\n',
  'lists after paragraph lines': (n) => 'a\n* b\n\n  c\n\n'.repeat(n),
  'definitions after a blank line': (n) => 't\n\n: d\n\n'.repeat(n),
}

/** Lines of growing depth: the `depth`-th is indented (or prefixed) `depth` times. */
export function deepLines(prefix: string, depth: number, text = 'x'): string {
  return Array.from({ length: depth }, (_, level) => prefix.repeat(level + 1) + text).join('\n')
}
