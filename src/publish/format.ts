/**
 * Dates, times and numbers through Intl, each wrapped in the element that
 * carries its language-neutral value (`<time datetime>`, `<data value>`), so
 * that parity can compare the facts of two pages whatever their words.
 */
import type { Element } from 'hast'
import type { Count, EventDate, Qualifier } from '../record/schema.ts'
import type { Translator } from './i18n.ts'
import { element, render, type Nodes, type Part } from './template.ts'
import { dateTimeFormat, numberFormat } from './intl.ts'

/** Hoisted: the formatter memo in intl.ts finds a constant options object without serializing it. */
const LONG_DATE: Intl.DateTimeFormatOptions = Object.freeze({ dateStyle: 'long', timeZone: 'UTC' })

/**
 * Day texts per translator. A build writes the same few thousand days again
 * and again (publication and retrieval dates of every reference, three
 * outputs per page), and `formatToParts` costs far more than a lookup. The
 * set is bounded by the days of the calendar that sources mention, and the
 * text depends only on the day and the translator's locale, so the memo is
 * kept per translator (a test may load other locales).
 */
const dayTexts = new WeakMap<Translator, Map<string, string>>()

/** `January 27, 2018` / `27 janvier 2018`; the first of a month is `1er` in French (from the locale). */
export function dateText(translator: Translator, iso: string): string {
  let days = dayTexts.get(translator)
  if (!days) dayTexts.set(translator, (days = new Map()))
  let words = days.get(iso)
  if (words === undefined) {
    const format = dateTimeFormat(translator.lang, LONG_DATE)
    const day = new Date(`${iso}T00:00:00Z`)
    // Only the first of a month needs its parts (to write `1er`); any other day is the plain format, which is the parts joined.
    words = day.getUTCDate() === 1 ? dateWords(translator, format.formatToParts(day)) : format.format(day)
    days.set(iso, words)
  }
  return words
}

/** Intl's date parts as text, the first of a month written as the locale says (`1er`). */
function dateWords(translator: Translator, parts: readonly Intl.DateTimeFormatPart[]): string {
  return parts.map((part) => (part.type === 'day' && Number(part.value) === 1 ? translator.t('date.firstOfMonth') : part.value)).join('')
}

export function date(translator: Translator, iso: string): Element {
  return element('time', { dateTime: iso }, dateText(translator, iso))
}

const GROUP_FROM_FIVE: Intl.NumberFormatOptions = Object.freeze({ useGrouping: 'min2' })
const GROUP_FROM_FOUR: Intl.NumberFormatOptions = Object.freeze({ useGrouping: 'auto' })

/**
 * Whole numbers as the language writes them. French groups digits with a
 * narrow no-break space from five digits on (`12 345`, but `1234`), which
 * Intl's `min2` grouping gives; English groups from four (`1,234`).
 */
export function numberText(lang: string, value: number): string {
  return numberFormat(lang, lang === 'fr' ? GROUP_FROM_FIVE : GROUP_FROM_FOUR).format(value)
}

export function number(lang: string, value: number, qualifier: Qualifier = 'exact'): Element {
  return element('data', { value: String(value), dataQualifier: qualifier }, numberText(lang, value))
}

/** `14`, `at least 14`, `about 30`, `40 to 85` / `de 40 à 85`. */
export function count(translator: Translator, value: Count, qualifier: Qualifier): Nodes {
  if (typeof value !== 'number') {
    return render(translator, 'count.range', {
      min: number(translator.lang, value.min, 'range'),
      max: number(translator.lang, value.max, 'range'),
    })
  }
  return render(translator, `count.${qualifier}`, { value: number(translator.lang, value, qualifier) })
}

/** The count that chooses a plural form: the upper bound of a range. */
export function pluralCount(value: Count): number {
  return typeof value === 'number' ? value : value.max
}

/** Hour and minute of a local `HH:MM` in the event's zone, as a `<time>` element. */
export function clock(translator: Translator, time: string): Element {
  const [hour24, minute] = time.split(':').map(Number) as [number, number]
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12
  const context = hour24 < 12 ? 'am' : 'pm'
  const values = { hour24: String(hour24), hour12: String(hour12), minute: String(minute).padStart(2, '0') }
  // French writes `4 h` for a whole hour and `4 h 30` otherwise: a context the locale may define.
  const whole = minute === 0 && translator.has('time.clock', { context: `${context}_hour` })
  const words = translator.t('time.clock', { context: whole ? `${context}_hour` : context, ...values })
  return element('time', { dateTime: time }, words)
}

/**
 * The zone's name for readers. Intl names Africa/Bamako `GMT` in English but
 * `UTC+0` in French, where the press writes `GMT`; a zone at offset zero is
 * therefore named by the locale, others by Intl's offset (`GMT+1` / `UTC+1`).
 */
export function zoneName(translator: Translator, eventDate: EventDate): string {
  const instant = new Date(`${eventDate.start}T12:00:00Z`)
  const offset = dateTimeFormat('en', { timeZone: eventDate.timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value
  if (offset === 'GMT' || offset === 'GMT+0') return translator.t('time.gmt')
  return (
    dateTimeFormat(translator.lang, { timeZone: eventDate.timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? eventDate.timeZone
  )
}

/** `around 4:00 a.m. to 8:00 a.m. (GMT)` / `de 4 h à 8 h environ (GMT)`, or nothing without a start time. */
export function timeSpan(translator: Translator, eventDate: EventDate): Nodes {
  if (!eventDate.startTime) return []
  const zone = zoneName(translator, eventDate)
  const start = clock(translator, eventDate.startTime)
  const shape = eventDate.endTime ? 'range' : 'single'
  const parts: Record<string, Part> = eventDate.endTime ? { start, end: clock(translator, eventDate.endTime), zone } : { start, zone }
  return render(translator, `time.${shape}_${eventDate.timeQualifier}`, parts)
}

/**
 * A span of days: `October 23–24, 2017`, `September 30 – October 1, 2019` /
 * `du 23 au 24 octobre 2017`, `du 30 septembre au 1er octobre 2019`.
 *
 * Intl's `formatRangeToParts` knows which fields the two ends share (the
 * year, or the month and year) and in which order a language writes them; we
 * keep that, but not its separator: in French it writes `23–24 octobre 2017`
 * and `30 septembre – 1 octobre 2019`, a dash and no `1er`, which reads as a
 * heading, not as running text (`a eu lieu du … au …`). So each end becomes a
 * `<time>` (shared fields go with the end they stand next to) and the
 * locale's `date.range` template joins them; `_sameMonth` lets English close
 * up `23–24`, and `_prose` variants serve running text (see `rangeContext`).
 */
export function dateRange(translator: Translator, start: string, end: string, style: 'label' | 'prose' = 'label'): Nodes {
  const parts = dateTimeFormat(translator.lang, LONG_DATE).formatRangeToParts(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`))
  const firstEnd = parts.findIndex((part) => part.source === 'endRange')
  const lastStart = parts.findLastIndex((part) => part.source === 'startRange')
  // Shared fields before the start (English `October` of `October 23–24`) belong to it, those after the end to the end.
  const startText = dateWords(translator, parts.slice(0, lastStart + 1))
  const endText = dateWords(translator, parts.slice(firstEnd))
  const sameMonth = parts.some((part) => part.type === 'month' && part.source === 'shared')
  const context = rangeContext(translator, style, sameMonth)
  return render(translator, 'date.range', { start: element('time', { dateTime: start }, startText), end: element('time', { dateTime: end }, endText) }, context === undefined ? {} : { context })
}

/**
 * The most specific `date.range` variant the locale has: running text may
 * want words where a label wants a dash (English `from September 30 to
 * October 1, 2019` in a sentence, `September 30 – October 1, 2019` in the
 * infobox); a locale without `_prose` variants uses the same form in both.
 */
function rangeContext(translator: Translator, style: 'label' | 'prose', sameMonth: boolean): string | undefined {
  const candidates = [
    ...(style === 'prose' ? [sameMonth ? 'prose_sameMonth' : undefined, 'prose'] : []),
    sameMonth ? 'sameMonth' : undefined,
  ]
  return candidates.find((context) => context !== undefined && translator.has('date.range', { context }))
}

/** The event's date or span of days, or the locale's `unknown`. */
export function dateSpan(translator: Translator, eventDate: EventDate | undefined): Nodes {
  if (!eventDate) return render(translator, 'date.unknown')
  if (!eventDate.end || eventDate.end === eventDate.start) return [date(translator, eventDate.start)]
  return dateRange(translator, eventDate.start, eventDate.end)
}
