/**
 * The version of a file a save is based on: the sha256 (hex) of the bytes the
 * editor last read or wrote, or `absent` for a file that did not exist then
 * (a new page, a copy). Main refuses a save whose base no longer matches the
 * disk, so another program's write is never replaced.
 */
export type ContentBase = string

export const ABSENT = 'absent'

/** What `ContentBase` may hold, checked at the API boundary. */
export const CONTENT_BASE_PATTERN = /^(absent|[0-9a-f]{64})$/
