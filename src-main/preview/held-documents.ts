import { randomUUID } from 'node:crypto'

/** Where held documents are served on the preview's origin; no site page can live there. */
export const HELD_PREFIX = '/__atelier/relecture/'

/**
 * Documents made for one look rather than read from the site — a review's
 * rendered differences — served from the preview's origin so they get the
 * site's stylesheets, fonts and images as its pages do. The last few are kept:
 * a review tab asks for its frames again when it is shown.
 */
export class HeldDocuments {
  private readonly documents = new Map<string, string>()

  constructor(private readonly limit = 64) {}

  /** Keeps a document and answers its address on the preview's origin. */
  hold(html: string): string {
    const address = `${HELD_PREFIX}${randomUUID()}.html`
    this.documents.set(address, html)
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= this.limit) break
      this.documents.delete(oldest)
    }
    return address
  }

  get(address: string): string | undefined {
    return this.documents.get(address)
  }
}
