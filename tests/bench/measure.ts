/** Runs `task` `runs` times (after one warm-up) and returns the median in milliseconds. */
export async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task()
  const times: number[] = []
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint()
    await task()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

export function row(label: string, ms: number, reference: number, referenceLabel: string): string {
  return `${label.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${referenceLabel} ${reference
    .toFixed(1)
    .padStart(7)} ms   ratio ${(ms / reference).toFixed(2)}`
}
