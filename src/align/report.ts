/**
 * The readable alignment report: fields × status × evidence, each stated
 * value marked `[like this]` inside its French sentence. Plain text, so it
 * reads the same in a terminal, a CI log or a pasted issue.
 */
import type { EventAlignment, Evidence, FieldAlignment } from './types.ts'
import type { Translate } from './messages.ts'

export function formatAlignment(alignment: EventAlignment, t: Translate): string {
  const lines = [t('report.title', { event: alignment.event }), '']
  for (const field of alignment.fields) {
    lines.push(`${field.field}  ${t(`report.status.${field.status}`).toUpperCase()}  (${t('report.recordValue', { value: formatValue(field.value) })})`)
    if (field.evidence.length === 0) lines.push(`    ${t('report.noEvidence')}`)
    else if (field.unnamed) lines.push(`    ${t('report.unnamed', { values: field.unnamed.join(', ') })}`)
    for (const item of field.evidence) lines.push(...formatEvidence(item, t))
  }
  const count = (status: FieldAlignment['status']) => alignment.fields.filter((field) => field.status === status).length
  lines.push('', t('report.summary', { fields: alignment.fields.length, supported: count('supported'), contested: count('contested'), unsupported: count('unsupported'), stale: count('stale') }))
  if (alignment.unmatched.length > 0) {
    lines.push('', t('report.unmatched', { count: alignment.unmatched.length }))
    for (const claim of alignment.unmatched) {
      lines.push(`    ${claim.kind} ${formatValue(claim.value)} (${claim.excerpt}): ${highlight(claim.text, claim.start, claim.end)}`)
    }
  }
  return lines.join('\n') + '\n'
}

function formatEvidence(item: Evidence, t: Translate): string[] {
  const mark = item.agrees ? '✓' : '✗'
  const notes = [item.qualifier === 'exact' ? '' : t(`report.qualifier.${item.qualifier}`), item.agrees ? '' : t('report.disagrees')]
  if (item.decision) notes.push(item.decision.stale ? t('report.decision.stale') : t(`report.decision.${item.decision.decision}`))
  if (item.decision?.note) notes.push(`“${item.decision.note}”`)
  const extra = notes.filter(Boolean).join(', ')
  return [
    `  ${mark} ${formatValue(item.value)} — ${item.source} (${item.file.path}:${item.file.line}:${item.file.column})${extra ? ` — ${extra}` : ''} #${item.link}`,
    `      ${highlight(item.text, item.start, item.end)}`,
  ]
}

function highlight(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}[${text.slice(start, end)}]${text.slice(end)}`.replace(/\s+/g, ' ')
}

export function formatValue(value: FieldAlignment['value']): string {
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return `${value.min}–${value.max}`
  return String(value)
}
