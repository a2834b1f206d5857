/**
 * Dates and clock times in French news text.
 *
 * chrono-node's `fr` parser finds absolute dates (`27 janvier 2018`), weekdays
 * and `hier` well. Tested on our constructions it gets these wrong, so each
 * is corrected here by a small rule that runs before it and claims the span:
 * - `le 27` (day of month alone): chrono finds nothing;
 * - `dans la nuit de vendredi à samedi`: chrono returns vendredi; the night
 *   ends on samedi, the day reports date the event to;
 * - `avant-hier`: chrono reads `hier`;
 * - times: `aux alentours de 6 heures` gives 18:00 and `vers 4 heures du
 *   matin` only `matin`; French uses the 24-hour clock, so times are parsed
 *   here and chrono's are dropped;
 * - `31 février`: chrono silently finds nothing; we report it;
 * - weekdays are resolved to the latest such day on or before publication
 *   (news reports the past), not chrono's nearest day.
 * Anything relative (weekday, day without month, day and month without year)
 * needs the publication date: without it, a problem instead of a guess.
 */
import * as chrono from 'chrono-node'
import { APOS, durationBefore, months, statementDateBefore, timePrepositions, weekdays } from './lexicon.ts'
import { parseFrenchNumber } from './numbers.ts'

export interface DateFinding {
  kind: 'date' | 'time'
  value: string
  qualifier: 'exact' | 'about'
  start: number
  end: number
  /** The date dates a statement (a claim, a report), not the event. */
  refersTo?: 'statement'
}

export interface DateProblem {
  start: number
  end: number
  ruleId: 'impossible-date' | 'impossible-time' | 'relative-date-without-publication'
  text: string
}

const monthPattern = months.join('|')
const weekdayPattern = weekdays.join('|')
const L = '(?<![\\p{L}\\p{N}])'
const R = '(?![\\p{L}\\p{N}])'

/** `31 février 2018`, `1er mars`: checked by hand because chrono drops impossible ones silently. */
const dayMonth = new RegExp(`${L}(\\d{1,2}|1er|premier)\\s+(${monthPattern})(?:\\s+(\\d{4}))?${R}`, 'giu')
const nightOfWeekdays = new RegExp(`${L}(?:dans\\s+)?la\\s+nuit\\s+d[eu]\\s+(${weekdayPattern})\\s+(?:à|au)\\s+(${weekdayPattern})${R}`, 'giu')
// `la nuit du mercredi 22 au jeudi 23 janvier`: weekdays may precede the days.
const nightOfDays = new RegExp(`${L}(?:dans\\s+)?la\\s+nuit\\s+du\\s+(?:(?:${weekdayPattern})\\s+)?(\\d{1,2})(?:er)?\\s+au\\s+(?:(?:${weekdayPattern})\\s+)?(\\d{1,2})(?:er)?\\s+(${monthPattern})(?:\\s+(\\d{4}))?${R}`, 'giu')
// `les 15 et 16`, but not `les 15 terroristes` (a count): `les` dates only days joined to another.
const dayAlone = new RegExp(`${L}(?:le|les(?=\\s+(?:\\d{1,2}|1er)\\s*(?:et|au|à|,|-)\\s)|ce|dès le|depuis le|jusqu${APOS}au|à la date du|en date du|du(?=\\s+(?:\\d{1,2}|1er)\\s+courant))\\s+(\\d{1,2}|1er)(?!\\s*(?:${monthPattern}|h\\b|heures?|e\\b|ème|%|\\d|[.,]\\d))${R}`, 'giu')
const sharedMonth = new RegExp(`^\\s*(?:et|au|à|-)\\s+(?:le\\s+)?\\d{1,2}(?:er)?\\s+(${monthPattern})(?:\\s+(\\d{4}))?${R}`, 'iu')
/** `le 5 de ce même mois`: the month is the one stated before (`Créé en mars 2017, …`). */
const sameMonth = new RegExp(`^\\s+(?:de ce même mois|du même mois|de ce mois(?:-là)?)${R}`, 'iu')
const monthStated = new RegExp(`${L}(${monthPattern})(?:\\s+(\\d{4}))?${R}`, 'giu')
/** `la veille`, `le lendemain`: the day before or after the date stated before, else than publication. */
/** Not when a weekday follows: `la veille mercredi` is that Wednesday, dated by the weekday. */
const dayNextTo = new RegExp(`${L}(?:la\\s+veille|le\\s+lendemain)${R}(?![\\s,]+(?:${weekdayPattern})${R})`, 'giu')
/** `dans la nuit d'hier à aujourd'hui`: the night ends on the day of publication. */
const nightToToday = new RegExp(`${L}(?:dans\\s+)?la\\s+nuit\\s+d(?:${APOS}|e\\s+)hier\\s+(?:à|au)\\s+aujourd${APOS}hui${R}`, 'giu')
const beforeYesterday = new RegExp(`${L}avant-hier${R}`, 'giu')
const hourWord = '(?:zéro|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf|vingt|vingt et une|vingt-deux|vingt-trois)'
const prepositions = timePrepositions.map((p) => p.pattern).join('|')
/** Minutes in words after `heures`: `trois heures et demie`, `deux heures trente`. */
const minutes: Record<string, number> = { 'et quart': 15, 'et demie': 30, 'moins le quart': -15, dix: 10, quinze: 15, vingt: 20, trente: 30, 'quarante-cinq': 45 }
const minuteWords = Object.keys(minutes).sort((a, b) => b.length - a.length)
/** `hier soir, à 10 h 30`: an evening or afternoon just before a time under 12 puts it after noon. */
const laterInDay = /(?:soir|soirée|après-midi)[\s,]*(?:\p{L}+\s+){0,2}$/iu
const timePattern = new RegExp(
  // `dix-sept (17) heures`: the figure repeated in digits, as the Sahel press writes it.
  `${L}(?:(${prepositions})\\s+)?(\\d{1,2}|${hourWord})(?:\\s*\\(\\d{1,2}\\))?\\s*(?:h|heures?)(?:\\s*(\\d{2})(?:\\s*(?:mn|min|minutes))?|\\s+(${minuteWords.join('|')}))?(?:\\s+(du matin|du soir|de l${APOS}après-midi|de la nuit|locales?|\\(heure locale\\)|heure locale))?${R}|(?<![\\p{L}\\p{N}-])(?:(${prepositions})\\s+)?(midi|minuit)${R}`,
  'giu',
)

const durationAtEnd = new RegExp(`(?:${durationBefore})\\s*$`, 'iu')
const aboutPreposition = new RegExp(`^(?:${timePrepositions.filter((p) => p.qualifier === 'about').map((p) => p.pattern).join('|')})$`, 'iu')
const pad = (n: number) => String(n).padStart(2, '0')
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/** A publication date as a UTC calendar date, or undefined when missing or invalid. */
function calendar(published: string | undefined): Date | undefined {
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return undefined
  const date = new Date(`${published}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== published ? undefined : date
}

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000)
const isoOf = (date: Date) => date.toISOString().slice(0, 10)

/** The latest `weekday` on or before `published` (strictly before with `dernier`). */
function latestWeekday(published: Date, weekday: number, strictly = false): string {
  let back = (published.getUTCDay() - weekday + 7) % 7
  if (strictly && back === 0) back = 7
  return isoOf(addDays(published, -back))
}

/** The latest day/month on or before `published`. */
function latestDayMonth(published: Date, month: number, day: number): string | undefined {
  for (let year = published.getUTCFullYear(); year >= published.getUTCFullYear() - 1; year--) {
    if (day > daysIn(year, month)) continue
    const candidate = iso(year, month, day)
    if (candidate <= isoOf(published)) return candidate
  }
  return undefined
}

/** The earliest day/month on or after `published`: `la marche commencera le 15 décembre`. */
function nextDayMonth(published: Date, month: number, day: number): string | undefined {
  for (let year = published.getUTCFullYear(); year <= published.getUTCFullYear() + 1; year++) {
    if (day > daysIn(year, month)) continue
    const candidate = iso(year, month, day)
    if (candidate >= isoOf(published)) return candidate
  }
  return undefined
}

/** The earliest `weekday` on or after `published`. */
function nextWeekday(published: Date, weekday: number): string {
  return isoOf(addDays(published, (weekday - published.getUTCDay() + 7) % 7))
}

/**
 * News reports the past, so a day without its year is the latest such day
 * on or before publication, unless the clause speaks of the future: a
 * future-tense verb before the date (`commencera`, `aura lieu`, `se
 * tiendra`), `prévu pour`, `doit`, or `prochain` right after it.
 */
const futureBefore = new RegExp(
  `(?<![\\p{L}])(?:\\p{L}{2,}(?:era|eront|iront|dra|dront)|sera|seront|aura|auront|fera|feront|ira|iront|pourra|pourront|verra|verront|prévue?s?|doit|doivent|devrait|devraient)(?![\\p{L}])[^.;!?]{0,50}$`,
  'iu',
)
const futureAfter = new RegExp(`^\\s+prochaine?${R}`, 'iu')
function speaksOfFuture(text: string, start: number, end: number): boolean {
  return futureBefore.test(text.slice(Math.max(0, start - 80), start)) || futureAfter.test(text.slice(end, end + 12))
}
const dayMonthFrom = (future: boolean) => (future ? nextDayMonth : latestDayMonth)

/** The latest given day of month on or before `published`. */
function latestDay(published: Date, day: number): string | undefined {
  let year = published.getUTCFullYear()
  let month = published.getUTCMonth() + 1
  for (let tries = 0; tries < 12; tries++) {
    if (day <= daysIn(year, month) && iso(year, month, day) <= isoOf(published)) return iso(year, month, day)
    month -= 1
    if (month === 0) [year, month] = [year - 1, 12]
  }
  return undefined
}

const monthNumber = (name: string) => months.indexOf(name.toLowerCase() as (typeof months)[number]) + 1
const weekdayNumber = (name: string) => weekdays.indexOf(name.toLowerCase() as (typeof weekdays)[number])
const dayNumber = (text: string) => (/^(1er|premier)$/i.test(text) ? 1 : Number(text))

class Findings {
  found: DateFinding[] = []
  problems: DateProblem[] = []
  private taken: Array<[number, number]> = []
  constructor(readonly text: string) {}
  free(start: number, end: number) {
    return !this.taken.some(([s, e]) => start < e && end > s)
  }
  /** `end`, cut back to the first taken span after `start`; undefined when `start` itself is taken. */
  freeEnd(start: number, end: number): number | undefined {
    let cut = end
    for (const [s, e] of this.taken) {
      if (start >= s && start < e) return undefined
      if (s > start && s < cut) cut = s
    }
    const trimmed = start + this.text.slice(start, cut).trimEnd().length
    return trimmed > start ? trimmed : undefined
  }
  take(start: number, end: number) {
    this.taken.push([start, end])
  }
  add(finding: DateFinding) {
    this.take(finding.start, finding.end)
    this.found.push(finding)
  }
  problem(ruleId: DateProblem['ruleId'], start: number, end: number) {
    this.take(start, end)
    this.problems.push({ ruleId, start, end, text: this.text.slice(start, end) })
  }
}

export function findDates(text: string, options: { published?: string | undefined } = {}): { found: DateFinding[]; problems: DateProblem[] } {
  const published = calendar(options.published)
  const out = new Findings(text)
  findTimes(out)
  findImpossibleDates(out)
  findNights(out, published)
  findChronoDates(out, published)
  findDaysAlone(out, published)
  findDaysNextTo(out, published)
  out.found.sort((a, b) => a.start - b.start)
  for (const finding of out.found) if (finding.kind === 'date' && datesStatement(text, finding.start)) finding.refersTo = 'statement'
  return { found: out.found, problems: out.problems.sort((a, b) => a.start - b.start) }
}

const statementBefore = new RegExp(`(?:${statementDateBefore})\\s+(?:\\p{L}+\\s+){0,2}(?:le|du|en date du|ce)?\\s*$`, 'iu')
function datesStatement(text: string, start: number): boolean {
  return statementBefore.test(text.slice(Math.max(0, start - 40), start))
}

function findTimes(out: Findings) {
  for (const match of out.text.matchAll(timePattern)) {
    const start = match.index
    const end = start + match[0].length
    const preposition = (match[1] ?? match[6])?.toLowerCase()
    let hour: number
    let minute = 0
    if (match[7]) {
      hour = match[7].toLowerCase() === 'midi' ? 12 : 0
    } else {
      const digits = /^\d+$/.test(match[2]!)
      hour = digits ? Number(match[2]) : (parseFrenchNumber(match[2]!) ?? -1)
      // `une heure et demie de combats`, `pendant 4 heures`: durations, not clock times.
      const after = out.text.slice(end, end + 16)
      const before = out.text.slice(Math.max(0, start - 20), start)
      if (durationAtEnd.test(before) && !preposition) continue
      // With its minutes in digits (`12h 45mn de ce jeudi`) it is a clock time whatever follows.
      if (/^\s*(?:et demie\s+)?d[e'’]\s*(?!l[a']|la\s)/iu.test(after) && !match[5] && !match[3]) continue
      if (!digits && !preposition && !match[5]) continue
      if (!preposition && !match[3] && !match[5] && hour > 23) continue // `48 heures`: a duration
      minute = match[3] ? Number(match[3]) : match[4] ? minutes[match[4].toLowerCase()]! : 0
      if (minute < 0) [hour, minute] = [hour - 1, 60 + minute] // `neuf heures moins le quart`
      const part = match[5]?.toLowerCase()
      if ((part === 'du soir' || part === "de l'après-midi" || part === 'de l’après-midi') && hour < 12) hour += 12
      else if (!part && hour < 12 && laterInDay.test(before)) hour += 12
    }
    if (hour < 0 || hour > 23 || minute > 59) {
      out.problem('impossible-time', start, end)
      continue
    }
    const about = preposition && aboutPreposition.test(preposition)
    // The span is the time itself; the preposition is only its hedge.
    const timeStart = preposition ? start + match[0].toLowerCase().indexOf(preposition) : start
    out.add({ kind: 'time', value: `${pad(hour)}:${pad(minute)}`, qualifier: about ? 'about' : 'exact', start: timeStart, end })
  }
}

function findImpossibleDates(out: Findings) {
  for (const match of out.text.matchAll(dayMonth)) {
    const day = dayNumber(match[1]!)
    const month = monthNumber(match[2]!)
    const year = match[3] ? Number(match[3]) : 2000 // a leap year: `29 février` without a year may exist
    if (day < 1 || day > daysIn(year, month)) out.problem('impossible-date', match.index, match.index + match[0].length)
  }
}

function findNights(out: Findings, published: Date | undefined) {
  for (const match of out.text.matchAll(nightOfDays)) {
    const end = match.index + match[0].length
    const day = Number(match[2])
    const month = monthNumber(match[3]!)
    const value = match[4] ? iso(Number(match[4]), month, day) : published && latestDayMonth(published, month, day)
    if (match[4] && day > daysIn(Number(match[4]), month)) out.problem('impossible-date', match.index, end)
    else if (!value) out.problem('relative-date-without-publication', match.index, end)
    else out.add({ kind: 'date', value, qualifier: 'about', start: match.index, end })
  }
  for (const match of out.text.matchAll(nightOfWeekdays)) {
    const end = match.index + match[0].length
    if (!published) out.problem('relative-date-without-publication', match.index, end)
    else out.add({ kind: 'date', value: latestWeekday(published, weekdayNumber(match[2]!)), qualifier: 'about', start: match.index, end })
  }
  for (const match of out.text.matchAll(nightToToday)) {
    const end = match.index + match[0].length
    if (!published) out.problem('relative-date-without-publication', match.index, end)
    else out.add({ kind: 'date', value: isoOf(published), qualifier: 'about', start: match.index, end })
  }
  for (const match of out.text.matchAll(beforeYesterday)) {
    const end = match.index + match[0].length
    if (!published) out.problem('relative-date-without-publication', match.index, end)
    else out.add({ kind: 'date', value: isoOf(addDays(published, -2)), qualifier: 'exact', start: match.index, end })
  }
}

/**
 * chrono's French parsers that date a day: month names, weekdays, `hier`,
 * numeric dates, `il y a deux jours`. Its time parsers are left out (times
 * are parsed above, and it reads them wrong), and so are its relative-unit
 * parsers (`la semaine dernière` comes out as a certain day). Leaving them
 * out also halves chrono's cost: each parser rebuilds its pattern per call.
 * chrono exports no parser classes, so they are picked by class name; if an
 * upgrade renames one, the full casual parser is used instead (correct,
 * only slower) — `tests/align/dates.test.ts` checks which one runs.
 */
const chronoDayParsers = ['FRCasualDateParser', 'ISOFormatParser', 'SlashDateFormatParser', 'FRMonthNameLittleEndianParser', 'FRTimeUnitAgoFormatParser', 'FRWeekdayParser']
function dayParser(): { chrono: chrono.Chrono; reduced: boolean } {
  const casual = chrono.fr.createCasualConfiguration()
  // The strict configuration has one `FRTimeUnitAgoFormatParser`, the real one
  // (in chrono 2.10 the relative-unit parser carries the same class name).
  const strict = chrono.fr.createConfiguration(false)
  const casualDate = casual.parsers.filter((parser) => parser.constructor.name === 'FRCasualDateParser')
  const parsers = [...casualDate, ...strict.parsers.filter((parser) => chronoDayParsers.includes(parser.constructor.name))]
  if (parsers.length !== chronoDayParsers.length) return { chrono: chrono.fr.casual, reduced: false }
  return { chrono: new chrono.fr.Chrono({ parsers, refiners: casual.refiners }), reduced: true }
}
export const frenchDays = dayParser()

/** Cheap test so that chrono only runs on text that may hold a date. */
const mayHoldDate = new RegExp(`${monthPattern}|${weekdayPattern}|hier|aujourd|demain|il y a|\\d/\\d|\\d{4}-\\d`, 'giu')
/** Context chrono needs around a keyword: `le vendredi 14 avril 2023`, `du 30 septembre au 1er octobre 2019`. */
const WINDOW_BEFORE = 40
const WINDOW_AFTER = 60

/**
 * chrono's results on the windows of text around date keywords, with
 * offsets into the whole text. chrono's cost grows with the length of the
 * text it reads, and most of a paragraph holds no date: reading only these
 * windows is the largest saving of the align stage (see bench/extract).
 */
function chronoNearKeywords(text: string, reference: Date): Array<ReturnType<typeof frenchDays.chrono.parse>[number]> {
  const windows: Array<[number, number]> = []
  for (const match of text.matchAll(mayHoldDate)) {
    // Cut at word edges so that chrono never reads half a word.
    let from = Math.max(0, match.index - WINDOW_BEFORE)
    while (from > 0 && /\S/u.test(text[from - 1]!)) from--
    let to = Math.min(text.length, match.index + match[0].length + WINDOW_AFTER)
    while (to < text.length && /\S/u.test(text[to]!)) to++
    const last = windows.at(-1)
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else windows.push([from, to])
  }
  return windows.flatMap(([from, to]) =>
    frenchDays.chrono.parse(text.slice(from, to), reference).map((result) => Object.assign(result, { index: result.index + from })),
  )
}

const yearOfJoinedDay = new RegExp(`^\\s*(?:et|ou|,)\\s+(?:le\\s+)?(?:(?:${weekdayPattern})\\s+)?(?:\\d{1,2}|1er)\\s+(${monthPattern})\\s+(\\d{4})${R}`, 'iu')
const rangeStart = new RegExp(`^(?:\\d{1,2}(?:er)?|premier)(?:\\s+(?:${monthPattern}))?(?:\\s+\\d{4})?`, 'iu')

function findChronoDates(out: Findings, published: Date | undefined) {
  const reference = new Date(`${published ? isoOf(published) : '2000-01-01'}T12:00:00Z`)
  for (const result of chronoNearKeywords(out.text, reference)) {
    const { start: components } = result
    const start = result.index
    // chrono's span may run into a time we parsed (`hier soir vers 22 heures`) or
    // take trailing punctuation (`samedi,`): keep the date words only.
    const end = out.freeEnd(start, start + result.text.replace(/[\s,.;:]+$/u, '').length)
    // `la veille`, `le lendemain` are relative to the date stated before, not to publication: see findDaysNextTo.
    if (/veille|lendemain/i.test(result.text)) continue
    const hasDate = components.isCertain('day') || components.isCertain('weekday') || /hier|aujourd|demain/i.test(result.text)
    if (!hasDate || end === undefined) continue
    // `du 30 septembre au 1er octobre 2019`: the year is written once, at the end.
    const year = components.isCertain('year') ? components.get('year')! : result.end?.isCertain('year') ? result.end.get('year')! - (components.get('month')! > result.end.get('month')! ? 1 : 0) : undefined
    // `Le 30 septembre et le 1er octobre 2019`: two days joined, the year written once, after the second.
    const joined = year === undefined && components.isCertain('day') && components.isCertain('month') ? yearOfJoinedDay.exec(out.text.slice(end)) : null
    if (joined) {
      const joinedYear = Number(joined[2]) - (components.get('month')! > monthNumber(joined[1]!) ? 1 : 0)
      out.add({ kind: 'date', value: iso(joinedYear, components.get('month')!, components.get('day')!), qualifier: 'exact', start, end })
      continue
    }
    if (year !== undefined && /\d{4}/.test(result.text)) {
      // A range's start date is its first day and month only: `[30 septembre] au 1er octobre 2019`.
      const startEnd = result.end?.isCertain('day') ? start + (rangeStart.exec(result.text)?.[0].length ?? end - start) : end
      out.add({ kind: 'date', value: iso(year, components.get('month')!, components.get('day')!), qualifier: 'exact', start, end: startEnd })
      if (result.end?.isCertain('day')) {
        const endAt = start + result.text.search(new RegExp(`${result.end.get('day')}(?:er)?\\s`, 'u'))
        if (endAt > start) out.found.push({ kind: 'date', value: iso(result.end.get('year')!, result.end.get('month')!, result.end.get('day')!), qualifier: 'exact', start: endAt, end })
      }
      continue
    }
    if (!published) {
      out.problem('relative-date-without-publication', start, end)
      continue
    }
    let value: string | undefined
    const future = speaksOfFuture(out.text, start, end)
    // `Du 20 juin au 14 août`: a range without a year gives its two days, each resolved against publication.
    const rangeEnd = result.end?.isCertain('day') && result.end.isCertain('month') && components.isCertain('day') ? start + result.text.search(new RegExp(`${result.end.get('day')}(?:er)?\\s`, 'u')) : -1
    if (components.isCertain('day') && components.isCertain('month')) value = dayMonthFrom(future)(published, components.get('month')!, components.get('day')!)
    else if (components.isCertain('weekday') && !components.isCertain('day')) value = future ? nextWeekday(published, components.get('weekday')!) : latestWeekday(published, components.get('weekday')!, /dernier/i.test(result.text))
    else value = iso(components.get('year')!, components.get('month')!, components.get('day')!)
    if (value) out.add({ kind: 'date', value, qualifier: 'exact', start, end: rangeEnd > start ? start + (rangeStart.exec(result.text)?.[0].length ?? end - start) : end })
    if (value && rangeEnd > start) {
      const last = dayMonthFrom(future)(published, result.end!.get('month')!, result.end!.get('day')!)
      if (last) out.found.push({ kind: 'date', value: last, qualifier: 'exact', start: rangeEnd, end })
    }
  }
}

function findDaysAlone(out: Findings, published: Date | undefined) {
  for (const match of out.text.matchAll(dayAlone)) {
    const start = match.index + match[0].search(/\d/)
    const end = match.index + match[0].length
    if (!out.free(start, end)) continue
    const day = dayNumber(match[1]!)
    if (day < 1 || day > 31) continue // `le 45` is not a date
    const anaphora = sameMonth.exec(out.text.slice(end))
    if (anaphora) {
      readSameMonth(out, published, day, start, end + anaphora[0].length)
      continue
    }
    // `entre le 23 et le 24 octobre 2017`: the month and year are written once, after.
    const shared = sharedMonth.exec(out.text.slice(end))
    if (shared?.[2]) {
      out.add({ kind: 'date', value: iso(Number(shared[2]), monthNumber(shared[1]!), day), qualifier: 'exact', start, end })
      continue
    }
    const value = published && (shared ? dayMonthFrom(speaksOfFuture(out.text, start, end))(published, monthNumber(shared[1]!), day) : latestDay(published, day))
    if (!published) out.problem('relative-date-without-publication', start, end)
    else if (value) out.add({ kind: 'date', value, qualifier: 'exact', start, end })
  }
}

/** `Créé en mars 2017, … le 5 de ce même mois`: day `day` of the month last named before `start`. */
function readSameMonth(out: Findings, published: Date | undefined, day: number, start: number, end: number) {
  const stated = [...out.text.slice(0, start).matchAll(monthStated)].at(-1)
  const month = stated ? monthNumber(stated[1]!) : published && published.getUTCMonth() + 1
  const year = stated?.[2] ? Number(stated[2]) : undefined
  if (month && year !== undefined) {
    if (day > daysIn(year, month)) out.problem('impossible-date', start, end)
    else out.add({ kind: 'date', value: iso(year, month, day), qualifier: 'exact', start, end })
  } else if (month && published) {
    const value = latestDayMonth(published, month, day)
    if (value) out.add({ kind: 'date', value, qualifier: 'exact', start, end })
  } else out.problem('relative-date-without-publication', start, end)
}

/**
 * `la veille`, `le lendemain`: a day next to the last date the text stated
 * before it; with none, `la veille` is the day before publication (`a été
 * visé la veille`), and `le lendemain` of nothing is left unread.
 */
function findDaysNextTo(out: Findings, published: Date | undefined) {
  for (const match of out.text.matchAll(dayNextTo)) {
    const start = match.index
    const end = start + match[0].length
    if (!out.free(start, end)) continue
    const step = /veille/i.test(match[0]) ? -1 : 1
    const before = out.found.filter((finding) => finding.kind === 'date' && finding.end <= start).sort((a, b) => a.end - b.end).at(-1)
    const from = before ? new Date(`${before.value}T00:00:00Z`) : step === -1 ? published : undefined
    if (from) out.add({ kind: 'date', value: isoOf(addDays(from, step)), qualifier: 'exact', start, end })
    else if (step === -1) out.problem('relative-date-without-publication', start, end)
  }
}
