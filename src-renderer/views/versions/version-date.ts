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
