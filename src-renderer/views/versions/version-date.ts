const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** « il y a 3 minutes », « hier »: how long ago a version was saved, in the UI's language. */
export function relativeDate(iso: string, language: string, now = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(0, 'second')
}

/** « 12 mars 2025 à 14:05 »: the full date, for tooltips and confirmations. */
export function fullDate(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'long', timeStyle: 'short' })
}

/**
 * What the history shows for each version: how long ago, and the full date as a tooltip.
 * Versions that would read alike (saved in the same minute: « 14:05 »; or both « maintenant »
 * across a minute's turn) get their time with the seconds, so each can be told apart.
 */
export function versionTimes(
  dates: readonly string[],
  language: string,
  now = Date.now(),
): { text: string; title: string }[] {
  const plain = dates.map((date) => ({
    text: relativeDate(date, language, now),
    title: fullDate(date, language),
  }))
  const seen = (key: 'text' | 'title') => {
    const counts = new Map<string, number>()
    for (const time of plain) counts.set(time[key], (counts.get(time[key]) ?? 0) + 1)
    return counts
  }
  const texts = seen('text')
  const titles = seen('title')
  return plain.map((time, index) => {
    if (texts.get(time.text)! < 2 && titles.get(time.title)! < 2) return time
    const date = new Date(dates[index]!)
    return {
      text: `${time.text} (${date.toLocaleTimeString(language, { timeStyle: 'medium' })})`,
      title: date.toLocaleString(language, { dateStyle: 'long', timeStyle: 'medium' }),
    }
  })
}
