import { randomUUID } from 'node:crypto'

/** Where held documents are served on the preview's origin; no site page can live there. */
export const HELD_PREFIX = '/__atelier/relecture/'

/**
 * Documents made for one look rather than read from the site — a review's
 * rendered differences — served from the preview's origin so they get the
 * site's stylesheets, fonts and images as its pages do. The last few are kept:
 * a review tab asks for its frames again when it is shown. Files (images a
 * contribution adds) are held the same way.
 */
export class HeldDocuments {
  private readonly documents = new Map<string, string | Buffer>()

  constructor(private readonly limit = 64) {}

  /** Keeps a document and answers its address on the preview's origin. */
  hold(html: string): string {
    return this.keep(html, '.html')
  }

  /**
   * Keeps a file that is not in the open folder — an image as a contribution
   * has it — under an address ending with its extension (which gives its type).
   */
  holdFile(bytes: Buffer, extension: string): string {
    return this.keep(bytes, /^\.[a-z0-9]{1,8}$/i.test(extension) ? extension.toLowerCase() : '')
  }

  get(address: string): string | Buffer | undefined {
    return this.documents.get(address)
  }

  private keep(body: string | Buffer, extension: string): string {
    const address = `${HELD_PREFIX}${randomUUID()}${extension}`
    this.documents.set(address, body)
    for (const oldest of this.documents.keys()) {
      if (this.documents.size <= this.limit) break
      this.documents.delete(oldest)
    }
    return address
  }
}
