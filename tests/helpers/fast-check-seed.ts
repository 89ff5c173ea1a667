import fc from 'fast-check'

/**
 * The unit suite runs its properties from one fixed seed, so a red run points at a change,
 * not at a roll of the dice: generated pages still find rare disagreements with kramdown
 * (nested quotes, fences and tabs; see the closing notes), and those are hunted on purpose
 * with `FC_SEED=random npm run test:unit` (or a given seed), not met at random in CI.
 */
const seed = process.env.FC_SEED
if (seed !== 'random') fc.configureGlobal({ seed: seed ? Number(seed) : 20261202 })
