/**
 * How a failed user action is told to the user. The widgets sit below the API and the
 * stores, so they cannot turn a refusal into a notice themselves: the start-up code
 * installs `failureNotice` (stores/failure-notice.ts) here. Until then a failure is logged.
 */
let report: (error: unknown) => void = (error) => console.error(error)

export function reportFailuresWith(reporter: (error: unknown) => void): void {
  report = reporter
}

/** Runs a user action; a refusal from main becomes a translated notice, never a crash. */
export async function attempt(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    report(error)
    return false
  }
}
