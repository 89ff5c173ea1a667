import type { Entity } from './element.js'
import { ENTITY_TABLE } from './entity-table.js'

const BY_NAME = new Map<string, Entity>()
const BY_CODE = new Map<number, Entity>()
for (const [code, data] of ENTITY_TABLE) {
  if (typeof data === 'string') {
    const e = { codePoint: code, name: data }
    BY_NAME.set(data, e)
    BY_CODE.set(code, e)
  } else {
    const target = BY_NAME.get(String(data)) ?? BY_CODE.get(data)
    BY_CODE.set(code, target ?? { codePoint: data, name: null })
  }
}

/** Kramdown::Utils::Entities.entity: by name (undefined when unknown) or by code point (always). */
export function entityByName(name: string): Entity | undefined {
  return BY_NAME.get(name)
}

export function entityByCode(code: number): Entity {
  return BY_CODE.get(code) ?? { codePoint: code, name: null }
}

/** The character of an entity, or null for a code point Ruby cannot pack. */
export function entityChar(e: Entity): string | null {
  if (e.codePoint < 0 || e.codePoint > 0x10ffff) return null
  return String.fromCodePoint(e.codePoint)
}
