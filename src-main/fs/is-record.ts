/**
 * A mapping as YAML and JSON files parse into (`_config.yml`, front matter, `_data/`): an object,
 * not null, not an array. The one check, for every reader of settings files.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
