/**
 * Generic French vocabulary of conflict reporting: what a count counts, who
 * the combatants are, how a figure is hedged. Entity names (GSIM, FAMa,
 * Soumpi) are NOT here: they live in the shared glossary, so that one edit
 * there serves every stage. Patterns are source strings, combined into
 * regular expressions by the extractor; `’` and `'` are both accepted.
 */
import type { ClaimKind } from './types.ts'

/** A French apostrophe, typographic or not. */
export const APOS = "['’]"

/** What kind of combatant a generic noun names, when no entity is named. */
export type Role = 'state-forces' | 'armed-group' | 'attacker' | 'civilians'

/**
 * Nouns of people who fight (or are caught up in the fighting). `soldats`
 * alone means the state's forces in Sahel reporting; a nationality adjective
 * after it (`soldats français`) is resolved through the glossary instead.
 */
export const combatantNouns: ReadonlyArray<{ pattern: string; role: Role }> = [
  { pattern: 'soldats?|militaires?|gendarmes?|gardes? nationaux|gardes?|policiers?|douaniers?|membres? des forces (?:armées|de (?:défense|sécurité))|éléments? des forces|hommes|officiers?|sous-officiers?|recrues?|casques bleus', role: 'state-forces' },
  { pattern: 'assaillants?|attaquants?', role: 'attacker' },
  { pattern: '(?:djihadistes?|jihadistes?|terroristes?|islamistes?|rebelles?|insurgés?|combattants?|militants?|hommes armés|individus armés|éléments? armés|membres? du groupe)', role: 'armed-group' },
  { pattern: 'civils?|villageois|habitants?|personnes?|passagers?|enfants?|femmes?|adultes?', role: 'civilians' },
]

/** Nouns of a state's troops, before the state (`soldats du Tchad`) or its nationality (`Forces armées nigériennes`). */
export const troopNouns = 'forces armées|forces de défense et de sécurités?|forces de sécurité|casques bleus|soldats?(?: de la paix)?|militaires?|troupes|contingents?|forces|armées?|unités?|gendarmes?'

/** Nouns that `militaire` qualifies as an adjective: a `source militaire malienne` is no soldier. */
export const militaryThings = '(?:sources?|camps?|convois?|colonnes?|bases?|postes?|positions?|détachements?|patrouilles?|opérations?|aviation|junte|régime|transition|hiérarchie|tribunal|hôpital|véhicules?|cibles?|présence|coopération|aide|renforts?)'

/** `armées nationales du Mali`: an adjective between the troops and their state. */
export const troopAdjectives = '(?:nationales?|nationaux|régulières?|réguliers|gouvernementales?|gouvernementaux)'

/**
 * A state named right after its troops is a belligerent, not a place:
 * `casques bleus du Tchad et du Bangladesh`, `soldats de la France`.
 */
export const troopsOf = `(?<!${militaryThings}\\s+)(?:${troopNouns})(?:\\s+${troopAdjectives})?\\s+(?:du|de la|de l${APOS}|des|d${APOS})\\s*$`
/** Of a state in a list of troops: `du`, `de la`, and `de` (`… et de Mauritanie`). */
const ofState = `(?:du|de la|de l${APOS}|des|d${APOS}|de)`
/**
 * Another state joined to the first: `… du Tchad [et du] Bangladesh`, also past
 * states the glossary lacks: `armées du Mali[, du Burkina et de la] Mauritanie`.
 */
export const troopsOfAnd = `^(?:\\s*(?:,|et)\\s+${ofState}\\s*\\p{Lu}[\\p{L}-]*(?:\\s+\\p{Lu}[\\p{L}-]*)?)*\\s*(?:,|et)\\s+${ofState}\\s*$`

/** Equipment counted after it was taken or destroyed: `six véhicules ont été saisis`. */
export const equipmentTakenAfter = `(?:(?:ont|a|avaient|sont)\\s+(?:été\\s+)?)?(?:saisie?s?|enlevée?s?|détruite?s?|incendiée?s?|emportée?s?|récupérée?s?|emparée?s?|volée?s?|brûlée?s?|perdue?s?)`

/** Counted things that are munitions or aircraft: `abattu quatre missiles` kills no one. */
export const munitionNouns = 'missiles?|drones?|roquettes?|obus|bombes?|projectiles?|mines?|avions?|hélicoptères?'

/** Counted animals, not people: `une vingtaine de veaux ont péri`, `deux chameaux` (livestock is counted in Sahel reports). */
export const animalNouns = 'animaux|bêtes|bétail|têtes?\\s+de\\s+bétail|b[oœ]eufs?|vaches?|veaux|bovins|ovins|caprins|moutons?|chèvres?|chameaux|chevaux|ânes?'

/** Counted things that are equipment taken or destroyed, not people. */
export const equipmentNouns = 'véhicules?|pick-up|pick-ups|motos?|camions?|blindés?|engins?|voitures?'

/** `tombés dans une embuscade` (caught in one), not `tombés dans une autre attaque` (fell, died in it). */
const caughtIn = `dans\\s+(?:une?|l${APOS}|les?|la|des|leur|leurs|son|sa)\\s*(?:\\p{L}+\\s+)?(?:embuscades?|pièges?|guet-apens|traquenards?|mains)`

/**
 * Words that say people died, in every gender and number: `tuées`, `mortes`,
 * `décédée`, `tombés` (fallen) but not `tombés dans une embuscade` (caught in one).
 */
const killedParticiple = `mise?s?\\s+hors\\s+(?:de\\s+combat|d${APOS}état\\s+de\\s+(?:nuire|combattre|combat))|mortellement\\s+(?:atteinte?s?|touchée?s?|blessée?s?)|éliminée?s?|tuée?s?|abattue?s?|exécutée?s?|assassinée?s?|neutralisée?s?|morte?s?|décédée?s?|tombée?s?(?!(?:\\s*,[^,.;]{0,60},)?\\s+(?:${caughtIn}|en|sur|sous le coup|aux mains|d${APOS}accord))`

/** Participles of every casualty: who was killed, hurt, taken or lost. */
export const casualtyParticiples = `${killedParticiple}|(?:grièvement\\s+|légèrement\\s+)?blessée?s?|capturée?s?|enlevée?s?|kidnappée?s?|portée?s?\\s+disparue?s?|disparue?s?`

/**
 * A casualty word right after the count or its noun: `14 morts`,
 * `14 soldats ont été tués`, `deux jihadistes ont également péri`.
 * Only passive or intransitive forms: an active `tuant` after a count
 * belongs to the next count (`30 assaillants, tuant 14 soldats`).
 */
export const casualtyAfter: ReadonlyArray<{ kind: ClaimKind; pattern: string }> = [
  {
    kind: 'killed',
    pattern: [
      // Passive or intransitive only: `ont tué` (active) belongs to the count after it.
      `(?:sont|est|seraient|serait|seront|sera|furent|fut|étaient|était)\\s+(?:\\p{L}+ment\\s+)?(?:été\\s+)?(?:${killedParticiple})`,
      `(?:ont|a|avaient|avait|auraient|aurait)\\s+(?:\\p{L}+ment\\s+)?été\\s+(?:${killedParticiple})`,
      `(?:ont|a|avaient|avait|auraient|aurait)\\s+(?:\\p{L}+ment\\s+)?(?:péri|succombé|perdu la vie|trouvé la mort)`,
      // `Ils sont au moins 6 soldats … à avoir perdu la vie`.
      `à\\s+avoir\\s+(?:péri|succombé|perdu la vie|trouvé la mort|été\\s+(?:${killedParticiple}))`,
      // `disparus …, ont été retrouvés morts`: found dead, no longer missing.
      `(?:ont|a|sont|est)\\s+(?:été\\s+)?retrouvée?s?\\s+(?:morte?s?|sans vie)`,
      `le nombre (?:de|des) (?:[\\p{L}'’]+\\s+){0,3}?(?:morts|tuée?s?|décès)`,
      `${killedParticiple}|décès|ayant perdu la vie|victimes? mortelles?|périssent|meurent`,
      // `43 nouveaux corps ont été retrouvés`: bodies are the dead, but a `corps d'armée` is a unit.
      `corps(?!\\s+(?:d${APOS}armée|expéditionnaire|de\\s+troupes))`,
    ].join('|'),
  },
  { kind: 'injured', pattern: `blessée?s?|(?:ont|a|avaient|avait|auraient|aurait|sont|est|seront|furent|étaient|fut)\\s+(?:\\p{L}+ment\\s+)?(?:été\\s+)?(?:grièvement\\s+|légèrement\\s+)?blessée?s?` },
  { kind: 'captured', pattern: `prisonniers?|otages?|capturée?s?|enlevée?s?|kidnappée?s?|faits? prisonniers?|(?:ont|a|sont|est) été (?:capturée?s?|enlevée?s?|faits? prisonniers?|kidnappée?s?|interpellée?s?|arrêtée?s?)|interpellée?s?|arrêtée?s?` },
  { kind: 'missing', pattern: `disparue?s?|portée?s?\\s+disparue?s?|(?:sont|est|ont été|a été)\\s+portée?s?\\s+disparue?s?` },
]

/** `mettre hors de combat six terroristes`, `la mise hors de combat d'une quinzaine`, `mis hors d'état de nuire`. */
const outOfAction = `(?:mettre|mettant|mis|mise?s?|met|mettent|la\\s+mise)\\s+hors\\s+(?:de\\s+combat|d${APOS}état\\s+de\\s+(?:nuire|combattre|combat))(?:\\s+d${APOS}?e?)?`

/**
 * A casualty word right before the count: `la mort de 14 soldats`,
 * `tuant au moins 14 soldats`, `s'être emparé de six véhicules`.
 */
export const casualtyBefore: ReadonlyArray<{ kind: ClaimKind; pattern: string }> = [
  { kind: 'killed', pattern: `(?:la mort|la perte|le décès)\\s+d${APOS}?e?|le nombre (?:de|des) (?:[\\p{L}'’]+\\s+){0,2}?(?:morts|tuée?s?|tombée?s?|décès|victimes)(?:\\s+[^.;:\\d]{0,60}?)?\\s+(?:est|était|s${APOS}élève|s${APOS}élevait|atteint)\\s+(?:\\p{L}+ment\\s+)?(?:de|à)|la mort(?:\\s+(?:accidentelle|brutale|tragique|violente))?[^.;:\\d]{0,60}?[\\s,»]d${APOS}?e?|(?:nombre|bilan) (?:de|des) (?:morts|tués|victimes|décès)\\s+(?:s${APOS}(?:élève|élevait)|atteint|atteignait|est passé|est de|était de)\\s+(?:désormais\\s+|à présent\\s+|maintenant\\s+)?(?:à\\s+)?|causant la mort d${APOS}?e?|(?:tuant|tué|tuer|tue|tuent|abattant|abattu|abattre|neutralisé|neutralisant|neutraliser|la neutralisation d${APOS}?e?|éliminé|éliminant|éliminer|l${APOS}élimination d${APOS}?e?|exécuté|assassiné|assassinant|assassiner|${outOfAction}|coûté la vie à|causé la mort de|fatale?s?\\s+à|(?:avoir|ont|a|avait|avaient|aurait|auraient)(?:\\s+\\p{L}+ment|\\s*,[^,.;:]{1,50},)?\\s+perdu|fait|faisant|a fait|ont fait|bilan\\s*(?:de|:|s${APOS}élève à|fait état de)?)` },
  { kind: 'injured', pattern: `blessant|blessé|blesser` },
  { kind: 'captured', pattern: `l${APOS}enlèvement d${APOS}?e?|capturant|capturé|capturer|enlevé|enlevant|enlever|kidnappé|pris en otage|fait prisonniers?|interpellé|interpellant|interpeller|arrêté|arrêtant` },
  { kind: 'missing', pattern: `la disparition d${APOS}?e?` },
  // `attaqué par quinze Boërs`: the attackers' number.
  { kind: 'strength', pattern: `attaquée?s? par|assaillie?s? par|prise?s? d${APOS}assaut par` },
  { kind: 'vehicles', pattern: `emparés? d|emparé d|emparée d|emparer d|perdu|saisi|saisir|saisissant|récupéré|récupérer|emporté|emporter|emportant|détruit|détruire|détruisant|incendié|incendier|la (?:destruction|saisie|récupération) d${APOS}?e?` },
]

/**
 * Predicates that take the count as their object wherever it stands later in
 * the clause (`neutraliser, sur un site …, une dizaine`): verbs in every form
 * and their nominalisations. A lexicon, so that a new verb is one word here.
 */
export const predicatesBefore: ReadonlyArray<{ kind: ClaimKind; pattern: string }> = [
  {
    kind: 'killed',
    pattern: [
      // Infinitives, present participles and present tense take an object; a past participle only after `avoir` (`a neutralisé`), never a passive one.
      `(?:neutralis|tu|élimin|assassin|exécut)(?:er|ant|ent|e)|abatt(?:re|ant|ent)`,
      `(?:avoir|ayant|ont|a|avait|avaient|aurait|auraient)\\s+(?:\\p{L}+ment\\s+|déjà\\s+|aussi\\s+)?(?:neutralisé|tué|éliminé|assassiné|exécuté|abattu|perdu)`,
      outOfAction,
      `la\\s+(?:mort|perte)\\s+d${APOS}?e?`,
      `(?:coûté\\s+la\\s+vie|été\\s+fatale?s?)\\s+à`,
      `caus(?:é|ant)\\s+la\\s+mort\\s+d${APOS}?e?`,
    ].join('|'),
  },
  { kind: 'injured', pattern: 'bless(?:er|ant)' },
  { kind: 'captured', pattern: `captur(?:er|ant)|(?:avoir|ayant|ont|a|avait|avaient)\\s+(?:\\p{L}+ment\\s+)?(?:capturé|enlevé|kidnappé)|enlev(?:er|ant)|kidnapp(?:er|ant)|pris\\s+en\\s+otage|faits?\\s+prisonniers?|l${APOS}enlèvement\\s+d${APOS}?e?` },
  { kind: 'missing', pattern: `la\\s+disparition\\s+d${APOS}?e?` },
]

/** Hedges before a count. Order matters: longer first. */
export const qualifiersBefore: ReadonlyArray<{ qualifier: 'at-least' | 'about'; pattern: string }> = [
  { qualifier: 'at-least', pattern: `au moins|au minimum|pas moins d${APOS}?e?|plus d${APOS}?e?|au-delà d${APOS}?e?|plus d${APOS}une?` },
  { qualifier: 'about', pattern: `environ|près d${APOS}?e?|presque|quelque|autour d${APOS}?e?|approximativement|à peu près|une? estimation d${APOS}?e?` },
]

/** Hedge after a count: `14 morts au moins`. */
export const qualifierAfter = 'au moins|au minimum'

/**
 * Approximate-number nouns: `une trentaine` is about 30. `des dizaines`
 * (plural, no article `une`) is too vague to be a figure and is ignored.
 */
export const approximateNouns: Readonly<Record<string, number>> = {
  dizaine: 10,
  douzaine: 12,
  quinzaine: 15,
  vingtaine: 20,
  trentaine: 30,
  quarantaine: 40,
  cinquantaine: 50,
  soixantaine: 60,
  centaine: 100,
  millier: 1000,
}

/**
 * Words before a date that make it date a statement (a claim of
 * responsibility, a report), not the event: `revendiquée le 29 janvier`.
 */
export const statementDateBefore = `revendiqu\\p{L}*|daté\\p{L}*|publi\\p{L}*|diffus\\p{L}*|annonc\\p{L}*|communiqué|rapport|déclar\\p{L}*|affirm\\p{L}*|indiqu\\p{L}*`

/** Verbs near a time that make it the end of the event: `se sont repliés vers 8 heures`. */
export const endTimeWords = `repli\\p{L}*|retir\\p{L}*|quitt\\p{L}*|pris fin|terminé\\p{L}*|achev\\p{L}*|cessé|jusqu${APOS}(?:à|au|aux)|fin des combats|dispers\\p{L}*`

/** Prepositions that make `N heures` a clock time rather than a duration; `about` ones hedge it. */
export const timePrepositions: ReadonlyArray<{ qualifier: 'exact' | 'about'; pattern: string }> = [
  { qualifier: 'about', pattern: `vers|aux alentours d${APOS}?e?|autour d${APOS}?e?|environ|peu avant|peu après|aux environs d${APOS}?e?` },
  { qualifier: 'exact', pattern: `à|dès|jusqu${APOS}à|depuis|avant|après` },
]

/** Words that make `N heures` a duration: `pendant 4 heures`, `48 heures de combats`. */
export const durationBefore = `pendant|durant|depuis|en|plus d${APOS}?e?|moins d${APOS}?e?|une? dizaine d${APOS}?e?|quelques|les|des|ces`

/** Months, for absolute dates and for spotting impossible ones (`31 février`). */
export const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const

export const weekdays = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const

/** Abbreviations after which a period does not end a sentence. */
export const abbreviations = ['M', 'Mme', 'Mlle', 'MM', 'Dr', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'col', 'gén', 'Gén', 'lt', 'cf', 'etc', 'env', 'n°', 'av', 'J.-C']
