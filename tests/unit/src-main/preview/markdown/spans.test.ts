import { describe } from 'vitest'
import { kramdownCases } from './kramdown-cases.js'

describe('renderMarkdown — spans, as Jekyll 4.3 kramdown renders them', () => {
  kramdownCases('spans')
})
