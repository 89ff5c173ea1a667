import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readLaunchArguments } from '../../../src-main/launch-arguments.js'

describe('readLaunchArguments', () => {
  it('takes the folder and the contribution file in any order, past Electron’s own arguments', () => {
    expect(
      readLaunchArguments(
        ['electron', 'out/main/index.js', 'recu.bundle', '--inspect', 'guide'],
        2,
      ),
    ).toEqual({ folder: 'guide', contribution: path.resolve('recu.bundle') })
    expect(readLaunchArguments(['Atelier.exe', 'C:/guide'], 1)).toEqual({
      folder: 'C:/guide',
      contribution: null,
    })
  })

  it('never takes a contribution file for the folder to open', () => {
    expect(readLaunchArguments(['Atelier', 'Contribution-AMINATA.BUNDLE'], 1)).toEqual({
      folder: undefined,
      contribution: path.resolve('Contribution-AMINATA.BUNDLE'),
    })
  })
})
