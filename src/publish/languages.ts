/**
 * The language of each reference, from the detect stage (title, declared
 * language and the publisher's habit combined), as a BCP 47 tag for `lang`
 * attributes and the "(in French)" / "(en anglais)" notes.
 */
import type { EventRecord } from '../record/schema.ts'
import { publisherLanguages, referenceLanguage, toBcp47, UNDETERMINED } from '../detect/index.ts'

/** reference id → BCP 47 language, for every reference of every record. */
export function referenceLanguages(records: readonly EventRecord[]): Map<string, string> {
  const all = records.flatMap((record) => record.references)
  const publishers = publisherLanguages(all)
  const languages = new Map<string, string>()
  for (const record of records) {
    for (const reference of record.references) {
      const detected = toBcp47(referenceLanguage(reference, { publishers }).lang)
      // Undetermined (a title too short to tell, no vote strong enough): the editor's declaration stands.
      languages.set(`${record.id}/${reference.id}`, detected && detected !== UNDETERMINED ? detected : reference.language)
    }
  }
  return languages
}
