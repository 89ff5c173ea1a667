/**
 * HTML pasted from Word (and web pages) made readable by the editor's schema.
 *
 * Word writes a list as paragraphs (`<p class=MsoListParagraph…>` with a
 * `mso-list: l0 level2 lfo1` style), each opening with its bullet or number
 * as text inside `<![if !supportLists]>` (a span styled `mso-list:Ignore`):
 * those paragraphs become real `<ul>`/`<ol>` lists, nested by level, and the
 * typed bullets go. A table's first row becomes its header (a Markdown table
 * has one), since Word writes only `<td>`.
 */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|Mso|<table/i.test(html)) return html
  const doc = new DOMParser().parseFromString(html, 'text/html')
  // Word's empty paragraphs (`<o:p>&nbsp;</o:p>`) space its blocks; in a page they would be a stray no-break space.
  for (const paragraph of Array.from(doc.querySelectorAll('p')))
    if (/^[\s\u00a0]*$/.test(paragraph.textContent ?? '') && !paragraph.querySelector('img'))
      paragraph.remove()
  rebuildWordLists(doc)
  headerRows(doc)
  return doc.body.innerHTML
}

/** Word's level and list id of a list paragraph, or null for any other element. */
function listParagraph(element: Element): { level: number; list: string } | null {
  if (element.tagName !== 'P') return null
  const style = element.getAttribute('style') ?? ''
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style)
  if (match) return { list: match[1]!, level: Number(match[2]) }
  if (/^MsoListParagraph/i.test(element.getAttribute('class') ?? '')) return { list: '', level: 1 }
  return null
}

/** The typed marker (bullet, number) Word puts before a list paragraph's text. */
function takeMarker(paragraph: Element): string {
  let marker = ''
  for (const ignored of Array.from(paragraph.querySelectorAll('[style]'))) {
    if (!/mso-list:\s*Ignore/i.test(ignored.getAttribute('style') ?? '')) continue
    if (!paragraph.contains(ignored)) continue
    marker += ignored.textContent ?? ''
    // The span wrapping the ignored one (a Symbol font) goes too when it holds nothing else.
    let gone: Element = ignored
    while (
      gone.parentElement &&
      gone.parentElement !== paragraph &&
      (gone.parentElement.textContent ?? '') === (gone.textContent ?? '')
    )
      gone = gone.parentElement
    gone.remove()
  }
  // Word's conditional comments around the marker.
  for (const node of Array.from(paragraph.childNodes))
    if (node.nodeType === 8 && /supportLists|endif/.test(node.textContent ?? '')) node.remove()
  return marker.replace(/[\s\u00a0]+/g, '')
}

function isOrdered(marker: string): boolean {
  return /^(?:\d+|[a-z]|[ivxlc]+)[.)]$/i.test(marker)
}

function rebuildWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.querySelectorAll('p')).filter((p) => listParagraph(p))
  const done = new Set<Element>()
  for (const first of paragraphs) {
    if (done.has(first)) continue
    // A run of list paragraphs, siblings with nothing but white space between.
    const run: Element[] = [first]
    let next = first.nextElementSibling
    // Word numbers each list (`l0`, `l1`…): another one starts another list.
    const list = listParagraph(first)!.list
    while (next && listParagraph(next)?.list === list) {
      run.push(next)
      next = next.nextElementSibling
    }
    run.forEach((p) => done.add(p))
    const root = doc.createElement('div')
    /** Open lists, one per level. */
    const stack: { level: number; list: Element }[] = []
    for (const paragraph of run) {
      const { level } = listParagraph(paragraph)!
      const marker = takeMarker(paragraph)
      while (stack.length && stack[stack.length - 1]!.level > level) stack.pop()
      let top = stack[stack.length - 1]
      if (!top || top.level < level) {
        const list = doc.createElement(isOrdered(marker) ? 'ol' : 'ul')
        const parentItem = top?.list.lastElementChild
        ;(parentItem ?? root).appendChild(list)
        top = { level, list }
        stack.push(top)
      }
      const item = doc.createElement('li')
      const text = doc.createElement('p')
      while (paragraph.firstChild) text.appendChild(paragraph.firstChild)
      item.appendChild(text)
      top.list.appendChild(item)
    }
    first.before(...Array.from(root.childNodes))
    run.forEach((p) => p.remove())
  }
}

/** A table without header cells gets its first row as header. */
function headerRows(doc: Document): void {
  for (const table of Array.from(doc.querySelectorAll('table'))) {
    if (table.querySelector('th')) continue
    const row = table.querySelector('tr')
    if (!row) continue
    for (const cell of Array.from(row.children)) {
      if (cell.tagName !== 'TD') continue
      const header = doc.createElement('th')
      for (const attribute of Array.from(cell.attributes))
        header.setAttribute(attribute.name, attribute.value)
      while (cell.firstChild) header.appendChild(cell.firstChild)
      cell.replaceWith(header)
    }
  }
}
