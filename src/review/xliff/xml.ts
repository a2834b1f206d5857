/**
 * XML through @xmldom/xmldom: a namespace-aware W3C DOM whose nodes carry
 * line and column, so that a problem in an imported file is reported where
 * it is. Building goes through the same DOM, so escaping is the library's.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom'
import type { VFile } from 'vfile'
import { error } from '../../diagnostics/index.ts'

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0'
export const XML_NS = 'http://www.w3.org/XML/1998/namespace'

/** A document whose elements are appended with indentation, for a readable file. */
export class XmlWriter {
  readonly document: Document
  readonly root: Element

  constructor(namespace: string, rootName: string, attributes: Record<string, string>) {
    this.document = new DOMImplementation().createDocument(namespace, rootName, null)
    this.root = this.document.documentElement!
    setAttributes(this.root, attributes)
  }

  /** Appends `<name>` under `parent`, indented by its depth; `text` becomes its content. */
  append(parent: Element, name: string, attributes: Record<string, string | undefined> = {}, text?: string): Element {
    const element = this.document.createElementNS(this.root.namespaceURI, name)
    setAttributes(element, attributes)
    if (text !== undefined) element.appendChild(this.document.createTextNode(text))
    const depth = this.depth(parent)
    parent.appendChild(this.document.createTextNode('\n' + '  '.repeat(depth + 1)))
    parent.appendChild(element)
    return element
  }

  /** Closes the indentation of every element that has element children. */
  toString(): string {
    this.closeIndentation(this.root, 0)
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.document)}\n`
  }

  private depth(element: Element): number {
    let depth = 0
    for (let node = element.parentNode; node && node !== this.document; node = node.parentNode) depth++
    return depth
  }

  private closeIndentation(element: Element, depth: number) {
    let hasElements = false
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === child.ELEMENT_NODE) {
        hasElements = true
        this.closeIndentation(child as Element, depth + 1)
      }
    }
    if (hasElements) element.appendChild(this.document.createTextNode('\n' + '  '.repeat(depth)))
  }
}

function setAttributes(element: Element, attributes: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue
    if (name.startsWith('xml:')) element.setAttributeNS(XML_NS, name, value)
    else element.setAttribute(name, value)
  }
}

/**
 * Parses XML; every well-formedness problem becomes a positioned error on
 * `file`, and undefined is returned if there was any.
 */
export function parseXml(file: VFile): Document | undefined {
  let failed = false
  const report = (level: string, message: string, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
    if (level === 'warning' || failed) return
    failed = true
    const { lineNumber: line, columnNumber: column } = context?.locator ?? {}
    error(file, `XML: ${message.split('\n')[0]}`, {
      place: line && column ? { line, column } : undefined,
      ruleId: 'xml-syntax',
      hint: 'the file is not well-formed XML; export it again from the CAT tool',
    })
  }
  let document: Document | undefined
  try {
    document = new DOMParser({ onError: report }).parseFromString(String(file.value), 'text/xml')
  } catch {
    // A fatal error has already been reported through onError.
    failed = true
  }
  return failed ? undefined : document
}

/** The element children of `parent` (text and comments skipped). */
export function elements(parent: Element, name?: string): Element[] {
  return Array.from(parent.childNodes).filter(
    (node): node is Element => node.nodeType === node.ELEMENT_NODE && (name === undefined || (node as Element).localName === name),
  )
}

export function placeOf(node: Element): { line: number; column: number } | undefined {
  return node.lineNumber !== undefined && node.columnNumber !== undefined ? { line: node.lineNumber, column: node.columnNumber } : undefined
}
