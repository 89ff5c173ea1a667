import path from 'node:path'

/** What the app was asked to open from its command line (or a double-click on a file). */
export interface LaunchArguments {
  /** A guide's folder to open. */
  folder: string | undefined
  /** A contribution file to open with « Ouvrir une contribution reçue », once a guide is open. */
  contribution: string | null
}

/**
 * `atelier [folder] [file.bundle]`: the first argument that is not a flag is
 * the folder, a `.bundle` file a received contribution. `skip` is how many
 * leading arguments are Electron's own (the executable, and the script when
 * not packaged).
 */
export function readLaunchArguments(
  argv: readonly string[],
  skip: number,
  /** Where relative paths start: a second instance's own working folder, not ours. */
  cwd = process.cwd(),
): LaunchArguments {
  const given = argv.slice(skip).filter((arg) => !arg.startsWith('-') && !arg.endsWith('.js'))
  const isContribution = (arg: string) => arg.toLowerCase().endsWith('.bundle')
  const folder = given.find((arg) => !isContribution(arg))
  const contribution = given.find(isContribution)
  return {
    folder,
    contribution: contribution === undefined ? null : path.resolve(cwd, contribution),
  }
}
