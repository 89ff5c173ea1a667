/**
 * Where a workspace declares its content types (the underscore keeps Jekyll from publishing
 * it): apart, so that what only needs the name loads neither the parser nor the lookups.
 */
export const CONTENT_TYPES_FILE = '_atelier.yml'
