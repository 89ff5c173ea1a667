/**
 * Header ids. Two algorithms, as in kramdown:
 * - GFM's (kramdown-parser-gfm `generate_gfm_header_id`), used for headers
 *   of the page: lower-case, drop every character that is not a Unicode
 *   word character, `-`, space or tab, spaces and tabs become `-`. Accents are
 *   kept (`Titre é` → `titre-é`); duplicates get `-1`, `-2`…
 * - kramdown's own (`generate_id`), used by the writer for headers GFM does
 *   not reach (inside HTML blocks parsed with `markdown="1"`, in footnotes):
 *   ASCII only, leading non-letters dropped, empty ids become `section`.
 */

const NON_WORD = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- \t]/gu

export function gfmHeaderId(text: string, counter: Map<string, number>): string {
  const result = text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-')
  const n = (counter.get(result) ?? -1) + 1
  counter.set(result, n)
  return n > 0 ? `${result}-${n}` : result
}

/** basic_generate_id. */
export function basicGenerateId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/gm, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase()
}

/** generate_id, with its own table of ids already used. */
export function generateId(text: string, used: Map<string, number>): string {
  let id = basicGenerateId(text)
  if (id === '') id = 'section'
  const n = used.get(id)
  if (n !== undefined) {
    used.set(id, n + 1)
    id += `-${n + 1}`
  } else used.set(id, 0)
  return id
}
