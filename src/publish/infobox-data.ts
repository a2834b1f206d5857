/**
 * The infobox read back from its tree as sections of labelled rows, for the
 * outputs CMSs import. The HTML table puts a section's heading (`Belligerents`)
 * in one row and the sides' values in the next; here they are grouped, and
 * each side's cell is labelled (`Side 1`) from its `data-label`.
 */
import { h } from 'hastscript'
import type { Element, ElementContent } from 'hast'
import { interleave, plain } from './template.ts'

export interface InfoboxRow {
  label: string
  cell: Element
}

export interface InfoboxSection {
  /** Absent for the rows before the first heading (conflict, date, place, result). */
  heading?: string
  rows: InfoboxRow[]
}

const elements = (nodes: readonly ElementContent[]): Element[] => nodes.filter((node): node is Element => node.type === 'element')

export function infoboxSections(box: Element): InfoboxSection[] {
  const body = elements(box.children).find((child) => child.tagName === 'tbody')
  const sections: InfoboxSection[] = [{ rows: [] }]
  for (const row of elements(body?.children ?? [])) {
    const cells = elements(row.children)
    const header = cells.find((cell) => cell.tagName === 'th')
    if (header?.properties.scope === 'colgroup') {
      sections.push({ heading: plain(header.children), rows: [] })
      continue
    }
    const section = sections.at(-1)!
    if (header) {
      for (const cell of cells.filter((item) => item.tagName === 'td')) section.rows.push({ label: plain(header.children), cell })
    } else {
      for (const cell of cells) section.rows.push({ label: String(cell.properties.dataLabel ?? ''), cell })
    }
  }
  return sections.filter((section) => section.heading !== undefined || section.rows.length > 0)
}

/** A cell's items: the entries of its list, or the whole cell as one. */
export function cellItems(cell: Element): ElementContent[][] {
  const list = elements(cell.children).find((child) => child.tagName === 'ul' || child.tagName === 'ol')
  if (!list) return [cell.children]
  return elements(list.children).filter((child) => child.tagName === 'li').map((item) => item.children)
}

/** Sections → rows → plain-text values, for the JSON output. */
export function infoboxJson(box: Element): { caption: string; sections: Array<{ heading?: string; rows: Array<{ label: string; values: string[] }> }> } {
  const caption = elements(box.children).find((child) => child.tagName === 'caption')
  return {
    caption: caption ? plain(caption.children) : '',
    sections: infoboxSections(box).map(({ heading, rows }) => ({
      ...(heading === undefined ? {} : { heading }),
      rows: rows.map(({ label, cell }) => ({ label, values: cellItems(cell).map((item) => plain(item).trim()) })),
    })),
  }
}

/**
 * The infobox as a two-column table that GFM can carry: a header row with the
 * caption, a bold row per section heading, one row per label or side, and a
 * cell's list joined inline by `separator` (a GFM cell cannot hold a list).
 */
export function flatInfobox(box: Element, separator: string): Element {
  const caption = elements(box.children).find((child) => child.tagName === 'caption')
  const rows: Element[] = [h('tr', [h('th', caption?.children ?? []), h('th')])]
  for (const { heading, rows: sectionRows } of infoboxSections(box)) {
    if (heading !== undefined) rows.push(h('tr', [h('td', [h('strong', heading)]), h('td')]))
    for (const { label, cell } of sectionRows) {
      const items = cellItems(cell)
      const joined = interleave(items, () => ({ type: 'text', value: separator }))
      rows.push(h('tr', [h('td', label), h('td', joined)]))
    }
  }
  return h('table', rows)
}
