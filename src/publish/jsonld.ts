/** schema.org JSON-LD per page: the `Article` and the `Event` it is about. */
import type { Entity, EventRecord, Language } from '../record/schema.ts'

export function articleJsonLd(options: {
  record: EventRecord
  lang: Language
  url: string
  description: string
  modified: string
  place: Entity[]
  participants: Entity[]
  siteName: string
}) {
  const { record, lang } = options
  const event: Record<string, unknown> = {
    '@type': 'Event',
    '@id': `${options.url}#event`,
    name: record.title[lang],
    eventStatus: 'https://schema.org/EventScheduled',
    location: options.place.map((entity) => ({ '@type': 'Place', name: entity[lang].name })),
    organizer: options.participants.map((entity) => ({ '@type': 'Organization', name: entity[lang].name })),
  }
  if (record.date) {
    event.startDate = record.date.start
    event.endDate = record.date.end ?? record.date.start
  }
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'Article',
        '@id': `${options.url}#article`,
        headline: record.title[lang],
        inLanguage: lang,
        url: options.url,
        description: options.description,
        dateModified: options.modified,
        publisher: { '@type': 'Organization', name: options.siteName },
        about: { '@id': `${options.url}#event` },
      },
      event,
    ],
  }
}
