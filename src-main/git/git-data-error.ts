/**
 * Damage found in a repository's own files: a corrupt index, a missing or
 * unreadable object. `file` names the file on disk so the French message can
 * point at it; the repository layer turns this into an `AtelierError`.
 */
export class GitDataError extends Error {
  constructor(
    readonly kind: 'corrupt-index' | 'missing-object' | 'corrupt-object' | 'unsupported-index',
    readonly file: string,
  ) {
    super(`${kind}: ${file}`)
    this.name = 'GitDataError'
  }
}
