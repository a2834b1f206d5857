/** Plain-text renderings of alignment values, shared by XLIFF notes and the CLI. */
import type { Evidence, FieldAlignment } from '../align/types.ts'

export function formatValue(value: FieldAlignment['value']): string {
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return `${value.min}–${value.max}`
  return String(value)
}

/** The evidence sentence with its stated value between ⟦ ⟧, for media without highlighting. */
export function markStatedValue(evidence: Pick<Evidence, 'text' | 'start' | 'end'>): string {
  const { text, start, end } = evidence
  return `${text.slice(0, start)}⟦${text.slice(start, end)}⟧${text.slice(end)}`
}
