/**
 * The refs review uses, in one place. Contributions are branches; review
 * records (comments, decisions) are git notes, as git-appraise and Gerrit keep
 * theirs, so a maintainer's ordinary git reads them:
 * `git log --notes=atelier` shows them beside each version.
 */

/** Where review records live: one note per version commented or decided on. */
export const REVIEW_NOTES_REF = 'refs/notes/atelier'

/** Received contributions are branches under this prefix (`recu/aminata`); never the user's own. */
export const RECEIVED_BRANCH_PREFIX = 'recu/'

/**
 * Where an imported file's notes wait before they are merged into
 * `REVIEW_NOTES_REF` (outside `refs/notes/` so no git command shows them as notes).
 */
export const RECEIVED_NOTES_REF = 'refs/atelier/notes-recues'
