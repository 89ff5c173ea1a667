import { describe } from 'vitest'
import { kramdownCases } from './kramdown-cases.js'

describe('renderMarkdown — tables, as Jekyll 4.3 kramdown renders them', () => {
  kramdownCases('tables')
})
