/**
 * The canonical record: the contract every stage shares.
 *
 * One record per event holds language-neutral values (dates, numbers, entity
 * ids) plus prose per language and the references that back each claim.
 * The TypeScript types are inferred from these zod schemas, so the YAML that
 * `check` validates and the objects that `build` renders cannot drift apart.
 */
import { z } from 'zod'

export const languages = ['en', 'fr'] as const
export const Language = z.enum(languages)
export type Language = z.infer<typeof Language>

/** Lowercase ASCII words joined by hyphens: safe in a URL, a path and an id. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by hyphens (e.g. `soumpi-attack`)')

export const IsoDate = z.iso.date({ error: 'must be a real calendar date written YYYY-MM-DD' })
export const Time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time written HH:MM')

/** Text in both languages of the record. */
export function perLanguage<T extends z.ZodType>(schema: T) {
  return z.strictObject({ en: schema, fr: schema })
}
export const Text = z.string().trim().min(1, 'must not be empty')
export const Bilingual = perLanguage(Text)
export type Bilingual = z.infer<typeof Bilingual>

// ---------------------------------------------------------------- numbers

/** How a figure is stated: `14`, `at least 14`, `about 30`, `between 40 and 85`. */
export const Qualifier = z.enum(['exact', 'at-least', 'about', 'range'])
export type Qualifier = z.infer<typeof Qualifier>

export const Range = z
  .strictObject({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
  .refine((range) => range.min < range.max, { message: '`min` must be smaller than `max`' })
export type Range = z.infer<typeof Range>

export const Count = z.union([z.number().int('must be a whole number').nonnegative('must not be negative'), Range], {
  error: 'must be a whole number (digits, e.g. `14`) or a range `{ min, max }`',
})
export type Count = z.infer<typeof Count>

/**
 * One source's statement of a figure. Disagreement between sources is data:
 * a quantity keeps every claim, each with the references that state it.
 */
export const Claim = z.strictObject({
  value: Count,
  qualifier: Qualifier.default('exact'),
  sources: z.array(Id).min(1, 'a claim needs at least one reference id'),
  /** Who the source attributes the figure to ("the Malian army", "JNIM"). */
  attribution: Bilingual.optional(),
})
export type Claim = z.infer<typeof Claim>

/** A figure of the infobox: the value the record retains, and every claim. */
export const Quantity = z.strictObject({
  value: Count,
  qualifier: Qualifier.default('exact'),
  claims: z.array(Claim).min(1, 'every figure needs at least one claim with its source'),
})
export type Quantity = z.infer<typeof Quantity>

export const casualtyKinds = ['killed', 'injured', 'captured', 'missing', 'vehicles'] as const
export const CasualtyKind = z.enum(casualtyKinds)
export type CasualtyKind = z.infer<typeof CasualtyKind>

export const Casualties = z
  .strictObject({
    killed: Quantity.optional(),
    injured: Quantity.optional(),
    captured: Quantity.optional(),
    missing: Quantity.optional(),
    /** Vehicles lost to (taken or destroyed by) the other side. */
    vehicles: Quantity.optional(),
  })
  .default({})
export type Casualties = z.infer<typeof Casualties>

// ---------------------------------------------------------------- entities

/** A reference to a glossary entity, bare (`jnim`) or with its sources. */
export const EntityRef = z
  .union([Id, z.strictObject({ entity: Id, sources: z.array(Id).default([]) })], {
    error: 'must be a glossary id (`jnim`) or `{ entity: jnim, sources: [reference-id] }`',
  })
  .transform((ref) => (typeof ref === 'string' ? { entity: ref, sources: [] as string[] } : ref))
export type EntityRef = z.infer<typeof EntityRef>

export const entityTypes = ['group', 'state', 'armed-force', 'operation', 'organization', 'person', 'place', 'conflict'] as const

export const EntityLabel = z.strictObject({
  name: Text,
  /** Acronym or short form used in infoboxes (JNIM / GSIM). */
  short: Text.optional(),
  /** Other names a source may use; alignment matches these too. */
  aliases: z.array(Text).default([]),
  /** French grammar, so templates can choose `le`/`la`/`l'`/`les`, `du`/`de la`. */
  gender: z.enum(['m', 'f']).optional(),
  number: z.enum(['singular', 'plural']).optional(),
  /**
   * Whether the name takes the definite article in running text (`the
   * Coalition…`, `la CPA`) or not (`Ansarul Islam`, `Operation Barkhane`).
   * When absent, publishing infers it from the entity type.
   */
  article: z.boolean().optional(),
})
export type EntityLabel = z.infer<typeof EntityLabel>

export const Entity = z.strictObject({
  id: Id,
  type: z.enum(entityTypes),
  en: EntityLabel,
  fr: EntityLabel,
  /** Where a place lies, or which state an armed force belongs to. */
  partOf: Id.optional(),
})
export type Entity = z.infer<typeof Entity>

export const Glossary = z.strictObject({ entities: z.array(Entity).min(1) })
export type Glossary = z.infer<typeof Glossary>

// ---------------------------------------------------------------- event parts

export const EventDate = z.strictObject({
  start: IsoDate,
  end: IsoDate.optional(),
  /** Local times, in `timeZone`. */
  startTime: Time.optional(),
  endTime: Time.optional(),
  timeQualifier: z.enum(['exact', 'about']).default('exact'),
  timeZone: z.string().default('Africa/Bamako'),
  sources: z.array(Id).default([]),
})
export type EventDate = z.infer<typeof EventDate>

export const Result = z.strictObject({
  outcome: z.enum(['victory', 'repelled', 'inconclusive', 'unknown']),
  /** The side(s) that won, or that repelled the attack. */
  victors: z.array(EntityRef).default([]),
  sources: z.array(Id).default([]),
})
export type Result = z.infer<typeof Result>

export const Side = z.strictObject({
  id: Id,
  belligerents: z.array(EntityRef).min(1, 'a side needs at least one belligerent'),
  commanders: z.array(EntityRef).default([]),
  /** Absent means unknown, and renders as such in both languages. */
  strength: Quantity.optional(),
  casualties: Casualties,
})
export type Side = z.infer<typeof Side>

export const OtherCasualties = z.strictObject({
  id: Id,
  /** Who they were, e.g. `{ en: civilians, fr: civils }`. */
  who: Bilingual,
  casualties: Casualties,
})
export type OtherCasualties = z.infer<typeof OtherCasualties>

export const translationStates = ['initial', 'translated', 'reviewed', 'final'] as const

export const Section = z.strictObject({
  id: Id,
  /** Markdown; cite references as `[@reference-id]`. */
  en: z.strictObject({ text: Text }),
  fr: z
    .strictObject({
      text: Text,
      /** Content hash of the English text this French text translates. */
      translates: z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12-hex-digit hash printed by `passerelle check`'),
      state: z.enum(translationStates).exclude(['initial']).default('translated'),
    })
    .optional(),
})
export type Section = z.infer<typeof Section>

export const Reference = z.strictObject({
  id: Id,
  publisher: Text,
  title: Text,
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .optional(),
  published: IsoDate.optional(),
  /** The language the source is written in (BCP 47: `fr`, `en`). */
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be a BCP 47 language code such as `fr` or `en`'),
  retrieved: IsoDate,
})
export type Reference = z.infer<typeof Reference>

export const eventKinds = ['attack', 'ambush', 'battle', 'raid', 'skirmish', 'offensive'] as const

export const EventRecord = z.strictObject({
  id: Id,
  kind: z.enum(eventKinds),
  slug: perLanguage(Id),
  title: Bilingual,
  partOf: EntityRef,
  /** Absent when no source dates the event: renders as unknown. */
  date: EventDate.optional(),
  place: z.array(EntityRef).min(1, 'an event needs a place'),
  result: Result,
  sides: z.array(Side).min(2, 'an event has at least two sides'),
  /** Losses of people who fought on no side: civilians, prisoners, bystanders. */
  otherCasualties: z.array(OtherCasualties).default([]),
  sections: z.array(Section).default([]),
  references: z.array(Reference).default([]),
  /** Ids of related events, linked in both languages. */
  related: z.array(Id).default([]),
})
export type EventRecord = z.infer<typeof EventRecord>

// ---------------------------------------------------------------- excerpts

/**
 * Front matter of a French source excerpt. The bundled excerpts are
 * paraphrases written from the facts, never verbatim quotes of the outlet.
 */
export const ExcerptMeta = z.strictObject({
  id: Id,
  reference: Id,
  kind: z.enum(['paraphrase', 'quote']),
  language: z.string().regex(/^[a-z]{2,3}$/, 'must be a BCP 47 language code such as `fr`'),
  /** Publication date; relative dates (`samedi`) are resolved against it. */
  published: IsoDate.optional(),
  /** How the excerpt was made, e.g. which facts a paraphrase was written from. */
  note: Text.optional(),
})
export type ExcerptMeta = z.infer<typeof ExcerptMeta>
