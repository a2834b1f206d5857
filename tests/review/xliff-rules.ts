/**
 * XLIFF 2.0 core structure rules (OASIS XLIFF 2.0, section 4), checked on a
 * document parsed by a real namespace-aware XML parser. Returns the broken
 * rules; an empty list means the document passes.
 */
import { DOMParser, type Element } from '@xmldom/xmldom'

const NS = 'urn:oasis:names:tc:xliff:document:2.0'
const STATES = ['initial', 'translated', 'reviewed', 'final']

function children(parent: Element, name?: string): Element[] {
  return Array.from(parent.childNodes).filter((node): node is Element => node.nodeType === 1 && (!name || (node as Element).localName === name))
}

function uniqueIds(elements: Element[], scope: string, problems: string[]) {
  const seen = new Set<string>()
  for (const element of elements) {
    const id = element.getAttribute('id')
    if (!id) problems.push(`<${element.localName}> in ${scope} has no id`)
    else if (seen.has(id)) problems.push(`id ${id} is not unique in ${scope}`)
    else seen.add(id)
  }
}

export function xliffCoreProblems(xml: string): string[] {
  const problems: string[] = []
  const document = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(`XML ${level}: ${message}`)) }).parseFromString(xml, 'text/xml')
  const root = document.documentElement
  if (!root || problems.length > 0) return problems.length > 0 ? problems : ['no root element']
  if (root.localName !== 'xliff' || root.namespaceURI !== NS) problems.push('root is not <xliff> in the XLIFF 2.0 namespace')
  if (root.getAttribute('version') !== '2.0') problems.push('version is not 2.0')
  if (!root.getAttribute('srcLang')) problems.push('srcLang is missing')
  const hasTargetLanguage = Boolean(root.getAttribute('trgLang'))
  const files = children(root)
  if (files.length === 0 || files.some((file) => file.localName !== 'file' || file.namespaceURI !== NS)) problems.push('<xliff> must hold one or more <file> and nothing else')
  uniqueIds(files, '<xliff>', problems)
  for (const file of files) {
    const units = children(file).filter((element) => element.namespaceURI === NS && element.localName !== 'notes' && element.localName !== 'skeleton')
    if (units.length === 0) problems.push(`file ${file.getAttribute('id')} has no unit`)
    uniqueIds(units, `file ${file.getAttribute('id')}`, problems)
    for (const unit of units) {
      const unitId = unit.getAttribute('id')
      if (unit.localName !== 'unit') problems.push(`unexpected <${unit.localName}> in <file>`)
      const parts = children(unit)
      const order = parts.map((part) => part.localName)
      const firstSegment = order.findIndex((name) => name === 'segment' || name === 'ignorable')
      if (firstSegment === -1) problems.push(`unit ${unitId} has no segment`)
      if (order.slice(firstSegment).some((name) => name === 'notes' || name === 'originalData')) problems.push(`unit ${unitId}: <notes> must come before the segments`)
      if (order.filter((name) => name === 'notes').length > 1) problems.push(`unit ${unitId} has more than one <notes>`)
      for (const notes of children(unit, 'notes')) {
        const list = children(notes)
        if (list.length === 0 || list.some((note) => note.localName !== 'note')) problems.push(`unit ${unitId}: <notes> must hold one or more <note>`)
        uniqueIds(list.filter((note) => note.hasAttribute('id')), `notes of ${unitId}`, problems)
        for (const note of list) {
          const appliesTo = note.getAttribute('appliesTo')
          if (appliesTo && appliesTo !== 'source' && appliesTo !== 'target') problems.push(`note appliesTo ${appliesTo} is not source or target`)
          const priority = note.getAttribute('priority')
          if (priority && !/^(?:[1-9]|10)$/.test(priority)) problems.push(`note priority ${priority} is not 1 to 10`)
          if (children(note).length > 0) problems.push('a note holds text only')
        }
      }
      const segments = parts.filter((part) => part.localName === 'segment' || part.localName === 'ignorable')
      uniqueIds(segments.filter((segment) => segment.hasAttribute('id') || segment.localName === 'segment'), `unit ${unitId}`, problems)
      for (const segment of segments) {
        const inner = children(segment).map((element) => element.localName)
        if (inner[0] !== 'source' || inner.filter((name) => name === 'source').length !== 1) problems.push(`segment ${segment.getAttribute('id')} needs exactly one <source>, first`)
        if (inner.filter((name) => name === 'target').length > 1 || inner.some((name) => name !== 'source' && name !== 'target')) problems.push(`segment ${segment.getAttribute('id')}: only <source> then an optional <target>`)
        if (inner.includes('target') && !hasTargetLanguage) problems.push('a <target> needs trgLang on <xliff>')
        const state = segment.getAttribute('state')
        if (state && !STATES.includes(state)) problems.push(`segment state ${state} is not allowed`)
        if (state && state !== 'initial' && !inner.includes('target')) problems.push(`segment ${segment.getAttribute('id')} is ${state} but has no <target>`)
        const subState = segment.getAttribute('subState')
        if (subState && (!state || !/^[^:\s]+:\S+$/.test(subState))) problems.push('subState needs state and a prefix:value form')
        for (const text of children(segment)) {
          const space = text.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'space')
          if (space && space !== 'preserve' && space !== 'default') problems.push(`xml:space ${space} is not allowed`)
        }
      }
    }
  }
  return problems
}
