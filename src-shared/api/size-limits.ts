import { PAGE_BYTE_LIMIT } from '../markdown/page-bytes.js'

/**
 * One size limit for a page, wherever it travels: a page over `PAGE_BYTE_LIMIT`
 * opens read-only, the contract refuses a page text longer than it (zod counts
 * UTF-16 code units, never more than the UTF-8 bytes of the same text), and the
 * test host reads any request body that can carry such a text.
 */
export const PAGE_TEXT_LIMIT = PAGE_BYTE_LIMIT

/**
 * The largest request body the test host reads. JSON writes one code unit in at
 * most six bytes (`\u0001`), so every page text the contract accepts fits, with
 * room for the call's other fields (a path, a hash).
 */
export const REQUEST_BODY_LIMIT = 6 * PAGE_TEXT_LIMIT + 64 * 1024
