/**
 * Bounds on a received contribution file (a git bundle). The file comes from
 * someone else — by USB key, WhatsApp or e-mail — so every size it declares is
 * checked against these before memory is spent on it. A guide's contribution
 * is a few kilobytes; a complete file (whole history of a large guide) a few
 * tens of megabytes. The bounds leave ample room above both while keeping the
 * worst case within what a reviewer's laptop can hold.
 */
export const BUNDLE_LIMITS = {
  /**
   * The whole file. A complete file of our generated 5,000-page guide is about 1 MB; this leaves
   * room for a guide's photographs while the file, held in memory whole, stays affordable.
   */
  fileBytes: 256 * 1024 * 1024,
  /** The text header (refs and prerequisites): 10,000 refs with long names fit in 1 MiB. */
  headerBytes: 1024 * 1024,
  /** Refs and prerequisites each: a contribution has a handful; a complete file of a busy guide hundreds. */
  refs: 10_000,
  /**
   * Objects in the pack. Each entry takes at least `MIN_ENTRY_BYTES` of the file, so a pack
   * declaring more than that allows is refused at once; this absolute bound keeps the per-object
   * bookkeeping (a few hundred bytes each) under a few hundred megabytes.
   */
  objects: 1_000_000,
  /**
   * One object, inflated (a page, an image, a delta's result). Jekyll guides hold pages and
   * photographs; nothing a guide needs comes near 64 MiB, while a "delta bomb" (a few bytes
   * that claim gigabytes) is stopped before any allocation.
   */
  objectBytes: 64 * 1024 * 1024,
  /**
   * All objects inflated, delta results included: they are kept in memory until every check
   * has passed (nothing is written before). Twice the file bound: packs of text compress
   * about 3-4×, but a complete file is mostly already-compressed images.
   */
  inflatedBytes: 512 * 1024 * 1024,
  /** Delta chain length; git's own default depth is 50, so 10,000 only stops a hostile loop. */
  deltaDepth: 10_000,
} as const

/**
 * A lower bound on one pack entry's bytes: at least one byte of type and size,
 * then a zlib stream of at least 8 (2 of header, an empty final block, 4 of
 * Adler-32) — 9 in all, 8 counted to stay on the safe side. A header declaring
 * more entries than the file could hold at this size is refused before any work.
 */
export const MIN_ENTRY_BYTES = 8
