/**
 * French infobox cells start with a capital, as on French Wikipedia
 * (`Guerre du Mali`, `Environ 30`), even where the name is lowercase in
 * running text (`pendant la guerre du Mali`); row labels do in every language. Done on the tree: the first
 * letter of the first text of each cell, and of each list item in a cell,
 * wherever markup nests it; citation marks and foreign-language spans are
 * left alone.
 */
import type { Element, ElementContent, Text } from 'hast'

/**
 * Uppercases the first letter of each row label (`th`: `Civilians`, `Civils`,
 * in every language) and, with `cells`, of each `td` and each `li` inside one
 * (the French convention).
 */
export function capitalizeCellStarts(table: Element, options: { lang: string; cells: boolean }): void {
  const visit = (node: Element, inCell: boolean) => {
    const starts = node.tagName === 'th' || (options.cells && (node.tagName === 'td' || (inCell && node.tagName === 'li')))
    if (starts) capitalizeFirst(node, options.lang)
    for (const child of node.children) if (child.type === 'element') visit(child, inCell || node.tagName === 'td')
  }
  visit(table, false)
}

function capitalizeFirst(node: Element, lang: string): void {
  const first = firstText(node.children, lang)
  if (!first) return
  first.value = first.value.replace(/^(\s*)(\p{Ll})/u, (_, space: string, letter: string) => space + letter.toLocaleUpperCase(lang))
}

/** The first text with a visible character, or undefined when the cell starts with something else (a citation, a foreign span). */
function firstText(children: readonly ElementContent[], lang: string): Text | undefined {
  for (const child of children) {
    if (child.type === 'text') {
      if (child.value.trim()) return child
      continue
    }
    if (child.type !== 'element') continue
    const className = child.properties?.className
    const childLang = child.properties?.lang
    if ((Array.isArray(className) && className.includes('citation')) || (typeof childLang === 'string' && childLang !== lang)) return undefined
    const found = firstText(child.children, lang)
    if (found) return found
    if (child.children.length > 0) return undefined
  }
  return undefined
}
