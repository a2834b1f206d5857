/**
 * Intl formatters, one per (locale, options). Constructing a formatter loads
 * and resolves locale data, which costs ~100 times a call to `format`; a
 * build formats tens of thousands of dates and numbers with a handful of
 * distinct settings, so each is built once and kept. Formatters are
 * stateless, so sharing them cannot change a result.
 */

type Constructor<T, O> = new (locale: string, options: O) => T

function memoized<T, O extends object>(Formatter: Constructor<T, O>): (locale: string, options: O) => T {
  const kept = new Map<string, T>()
  // Frozen options (module constants on hot paths) cannot change after being kept: found by identity, they need no serializing per call.
  const byIdentity = new WeakMap<O, Map<string, T>>()
  const build = (locale: string, options: O): T => {
    // Options are plain objects of strings and booleans: JSON is a faithful key.
    const key = `${locale}\0${JSON.stringify(options)}`
    let formatter = kept.get(key)
    if (!formatter) {
      formatter = new Formatter(locale, options)
      kept.set(key, formatter)
    }
    return formatter
  }
  return (locale, options) => {
    if (!Object.isFrozen(options)) return build(locale, options)
    let perLocale = byIdentity.get(options)
    if (!perLocale) byIdentity.set(options, (perLocale = new Map()))
    let formatter = perLocale.get(locale)
    if (!formatter) perLocale.set(locale, (formatter = build(locale, options)))
    return formatter
  }
}

export const dateTimeFormat = memoized<Intl.DateTimeFormat, Intl.DateTimeFormatOptions>(Intl.DateTimeFormat)
export const numberFormat = memoized<Intl.NumberFormat, Intl.NumberFormatOptions>(Intl.NumberFormat)
export const displayNames = memoized<Intl.DisplayNames, Intl.DisplayNamesOptions>(Intl.DisplayNames)
export const listFormat = memoized<Intl.ListFormat, Intl.ListFormatOptions>(Intl.ListFormat)
