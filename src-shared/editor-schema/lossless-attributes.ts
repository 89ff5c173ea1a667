import { Extension } from '@tiptap/core'

/**
 * Attributes the lossless conversion keeps on nodes and marks: a block's
 * source slice and fingerprint, its kramdown IAL, and the file's own style
 * (list marker, heading style, fence, emphasis character…). None is rendered;
 * they only travel with the node so the serializer can write it back.
 */
const kept = (names: string[]) =>
  Object.fromEntries(
    names.map((name) => [name, { default: null, rendered: false, keepOnSplit: false }]),
  )

export const LosslessAttributes = Extension.create({
  name: 'losslessAttributes',
  addGlobalAttributes() {
    return [
      { types: ['doc'], attributes: kept(['lead', 'eol', 'references']) },
      {
        types: [
          'paragraph',
          'heading',
          'blockquote',
          'bulletList',
          'orderedList',
          'codeBlock',
          'horizontalRule',
          'sourceBlock',
          'image',
          'table',
        ],
        attributes: {
          ...kept(['src', 'fp']),
          // The IAL is kept as written; a `.encadre` class is shown as the highlighted box.
          ial: {
            default: null,
            keepOnSplit: false,
            parseHTML: () => null,
            renderHTML: (attributes: Record<string, unknown>) =>
              typeof attributes.ial === 'string' && /\.encadre\b/.test(attributes.ial)
                ? { class: 'encadre' }
                : {},
          },
        },
      },
      { types: ['heading'], attributes: kept(['style', 'underline']) },
      { types: ['blockquote'], attributes: kept(['space']) },
      {
        types: ['bulletList', 'orderedList'],
        attributes: kept(['marker', 'indent', 'spacing', 'tight']),
      },
      { types: ['codeBlock'], attributes: kept(['fence', 'info']) },
      { types: ['horizontalRule', 'hardBreak', 'bold', 'italic'], attributes: kept(['markup']) },
      { types: ['code'], attributes: kept(['fence', 'raw']) },
      { types: ['link'], attributes: kept(['ref', 'style', 'ial']) },
      { types: ['image'], attributes: kept(['ref', 'raw']) },
      // A pipe table's style; each row's line as written and its cells' fingerprint.
      { types: ['table'], attributes: kept(['lead', 'trail', 'pad', 'indent', 'separator']) },
      { types: ['tableRow'], attributes: kept(['raw', 'rfp']) },
      {
        // A column's alignment (from the alignment row), shown as such.
        types: ['tableHeader', 'tableCell'],
        attributes: {
          align: {
            default: null,
            // No DOM types here (src-shared): the style attribute, read as text.
            parseHTML: (element: HTMLElement) =>
              /text-align:\s*(left|right|center)/.exec(
                (element as unknown as { getAttribute(name: string): string | null }).getAttribute(
                  'style',
                ) ?? '',
              )?.[1] ?? null,
            renderHTML: (attributes: Record<string, unknown>) =>
              typeof attributes.align === 'string'
                ? { style: `text-align: ${attributes.align}` }
                : {},
          },
        },
      },
    ]
  },
})
