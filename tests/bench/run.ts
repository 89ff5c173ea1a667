import { benchAutosave } from './autosave.bench.js'
import { benchBundleExport } from './bundle-export.bench.js'
import { benchBundleImport } from './bundle-import.bench.js'
import { benchGit } from './git.bench.js'
import { benchHostilePages } from './hostile-pages.bench.js'
import { benchLossless } from './lossless.bench.js'
import { benchPageIndex } from './page-index.bench.js'
import { benchPreview } from './preview.bench.js'
import { benchPreviewLatency } from './preview-latency.bench.js'
import { benchRenderedDiff } from './rendered-diff.bench.js'
import { benchReviewNotes } from './review-notes.bench.js'
import { benchSearch } from './search.bench.js'
import { benchTyping } from './typing.bench.js'
import { benchOpenPage } from './open-page.bench.js'
import { benchExplorerStart } from './explorer-start.bench.js'
import { benchChecks } from './checks.bench.js'
import { benchSync } from './sync.bench.js'
import { benchCli } from './cli.bench.js'
import { benchMainMemory } from './main-memory.bench.js'

/**
 * `npm run bench`: each figure beside a reference measured in the same run,
 * because our machines are noisy. Set BENCH_RUNS to change the sample size.
 */
const runs = Number(process.env.BENCH_RUNS ?? 7)
await benchPageIndex(runs)
await benchLossless(runs)
await benchGit(runs)
await benchPreview(runs)
await benchPreviewLatency(Math.max(runs, 10))
await benchHostilePages(runs)
await benchTyping()
await benchOpenPage(Math.min(runs, 5))
await benchExplorerStart(Math.min(runs, 5))
await benchAutosave(runs)
await benchBundleExport(runs)
await benchBundleImport(runs)
await benchRenderedDiff(runs)
await benchReviewNotes(runs)
await benchSearch(runs)
await benchChecks(runs)
await benchSync(runs)
await benchCli(runs)
await benchMainMemory()
