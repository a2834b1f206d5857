/**
 * The language of each reference, from the detect stage (title, declared
 * language and the publisher's habit combined), as a BCP 47 tag for `lang`
 * attributes and the "(in French)" / "(en anglais)" notes.
 */
import type { EventRecord } from '../record/schema.ts'
import { publisherLanguages, referenceLanguage, toBcp47, UNDETERMINED } from '../detect/index.ts'
import { referenceEvidence } from '../detect/reference.ts'

/**
 * reference id → BCP 47 language, for every reference of every record.
 * @param memo detections by title and evidence, kept across builds by the build cache
 */
export function referenceLanguages(records: readonly EventRecord[], memo?: Map<string, string>): Map<string, string> {
  const all = records.flatMap((record) => record.references)
  const publishers = publisherLanguages(all)
  const languages = new Map<string, string>()
  for (const record of records) {
    for (const reference of record.references) {
      // Detection reads only the title and the evidence: the same pair always gives the same language.
      const key = memo && JSON.stringify([reference.title, reference.language, referenceEvidence(reference, publishers)])
      let lang = key === undefined ? undefined : memo!.get(key)
      if (lang === undefined) {
        const detected = toBcp47(referenceLanguage(reference, { publishers }).lang)
        // Undetermined (a title too short to tell, no vote strong enough): the editor's declaration stands.
        lang = detected && detected !== UNDETERMINED ? detected : reference.language
        if (key !== undefined) memo!.set(key, lang)
      }
      languages.set(`${record.id}/${reference.id}`, lang)
    }
  }
  return languages
}
