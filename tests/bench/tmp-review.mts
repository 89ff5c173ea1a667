import { benchBundleExport } from './bundle-export.bench.js'
import { benchBundleImport } from './bundle-import.bench.js'
import { benchRenderedDiff } from './rendered-diff.bench.js'
import { benchReviewNotes } from './review-notes.bench.js'
await benchBundleExport(5)
await benchBundleImport(5)
await benchRenderedDiff(5)
await benchReviewNotes(5)
