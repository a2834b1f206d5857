import { describe, expect, it } from 'vitest'
import { findDates, frenchDays } from '../../src/align/dates.ts'

const found = (text: string, published?: string) =>
  findDates(text, { published }).found.map((f) => [f.kind, f.value, f.qualifier, text.slice(f.start, f.end)])
const problems = (text: string, published?: string) => findDates(text, { published }).problems.map((p) => [p.ruleId, p.text])

describe('findDates', () => {
  it('reads absolute dates', () => {
    expect(found('Le 27 janvier 2018, une trentaine')).toEqual([['date', '2018-01-27', 'exact', '27 janvier 2018']])
  })
  it('resolves weekdays to the latest such day on or before publication', () => {
    expect(found('visé ce samedi', '2018-01-27')).toEqual([['date', '2018-01-27', 'exact', 'ce samedi']])
    expect(found('attaque de samedi', '2018-01-29')).toEqual([['date', '2018-01-27', 'exact', 'samedi']])
    expect(found('lundi dernier', '2018-01-29')).toEqual([['date', '2018-01-22', 'exact', 'lundi dernier']])
  })
  it('dates a night to the day it ends (chrono returns the first day)', () => {
    expect(found('dans la nuit de vendredi à samedi à Soumpi', '2018-01-27')).toEqual([['date', '2018-01-27', 'about', 'dans la nuit de vendredi à samedi']])
    expect(found('dans la nuit du 26 au 27 janvier 2018')[0]?.[1]).toBe('2018-01-27')
  })
  it('reads a day alone against the publication month (chrono finds nothing)', () => {
    expect(found('visé le 27 au matin', '2018-02-03')).toEqual([['date', '2018-01-27', 'exact', '27']])
    expect(found('entre le 23 et le 24 octobre 2017').map((f) => f[1])).toEqual(['2017-10-23', '2017-10-24'])
  })
  it('reads both days of « les 23 et 24 octobre 2017 » and a range « du 30 septembre au 1er octobre 2019 »', () => {
    expect(found('les 23 et 24 octobre 2017')).toEqual([['date', '2017-10-23', 'exact', '23'], ['date', '2017-10-24', 'exact', '24 octobre 2017']])
    expect(found('du 30 septembre au 1er octobre 2019')).toEqual([['date', '2019-09-30', 'exact', '30 septembre'], ['date', '2019-10-01', 'exact', '1er octobre 2019']])
  })
  it('reads « le 5 de ce même mois » as the month stated before, not as relative', () => {
    expect(found('Créé en mars 2017, le groupe a signé sa première attaque le 5 de ce même mois.')).toEqual([['date', '2017-03-05', 'exact', '5 de ce même mois']])
    expect(problems('Créé en mars, il a frappé le 5 de ce même mois.')).toEqual([['relative-date-without-publication', '5 de ce même mois']])
  })
  it('reads « la veille » from the date stated before, else from publication', () => {
    expect(found('a été visé la veille par des jihadistes', '2022-03-05')).toEqual([['date', '2022-03-04', 'exact', 'la veille']])
    expect(found('Le 27 janvier 2018, Soumpi est attaqué. La veille, des hommes armés', '2018-02-10').map((f) => f[1])).toEqual(['2018-01-27', '2018-01-26'])
    expect(problems('la veille')).toEqual([['relative-date-without-publication', 'la veille']])
  })
  it('runs chrono with its day parsers only, and leaves « la semaine dernière » unread', () => {
    expect(frenchDays.reduced).toBe(true)
    expect(found('la semaine dernière', '2022-03-05')).toEqual([])
    expect(found('il y a deux jours', '2022-03-05')).toEqual([['date', '2022-03-03', 'exact', 'il y a deux jours']])
  })
  it('reads avant-hier as two days back (chrono reads hier)', () => {
    expect(found('avant-hier', '2018-01-27')[0]?.[1]).toBe('2018-01-25')
  })
  it('reads French 24-hour times (chrono gives 18:00 for « de 6 heures »)', () => {
    expect(found('aux alentours de 6 heures')).toEqual([['time', '06:00', 'about', 'aux alentours de 6 heures']])
    expect(found("l'attaque a commencé vers 4 heures du matin")).toEqual([['time', '04:00', 'about', 'vers 4 heures du matin']])
    expect(found('à 14h30')).toEqual([['time', '14:30', 'exact', 'à 14h30']])
    expect(found('vers 9 heures du soir')[0]?.[1]).toBe('21:00')
    expect(found('vers minuit')[0]?.[1]).toBe('00:00')
  })
  it('reads times as the press writes them', () => {
    expect(found("En fin d'après-midi vers dix-sept (17) heures, une source")).toEqual([['time', '17:00', 'about', 'vers dix-sept (17) heures']])
    expect(found('reparti à trois heures et demie')[0]?.[1]).toBe('03:30')
    expect(found('à neuf heures moins le quart')[0]?.[1]).toBe('08:45')
    expect(found('a tamponné hier soir, à 10 h 30, le train', '1900-11-10').map((f) => f[1])).toEqual(['1900-11-09', '22:30'])
  })
  it('reads « du 5 courant » and « à la date du 7 » against the publication month', () => {
    expect(found('dans la nuit du 5 courant', '1900-11-10')[0]?.[1]).toBe('1900-11-05')
    expect(found("qu'à la date du 7, le pavillon", '1900-11-10')[0]?.[1]).toBe('1900-11-07')
    expect(found('du 1er régiment de chasseurs', '2017-06-19')).toEqual([])
  })
  it('does not read durations as times', () => {
    expect(found('Après environ une heure et demie de combats')).toEqual([])
    expect(found('pendant 48 heures')).toEqual([])
    expect(found('4 heures de combats')).toEqual([])
    expect(found("en fin d'après-midi")).toEqual([])
  })
  it('marks dates of statements, not of the event', () => {
    expect(findDates("qu'il avait revendiquée le 29 janvier", { published: '2018-03-26' }).found[0]).toMatchObject({ value: '2018-01-29', refersTo: 'statement' })
  })
  it('reports impossible dates and times instead of guessing', () => {
    expect(problems('le 31 février 2018')).toEqual([['impossible-date', '31 février 2018']])
    expect(problems('le 30 février')).toEqual([['impossible-date', '30 février']])
    expect(problems('à 25 heures')).toEqual([['impossible-time', 'à 25 heures']])
    expect(found('le 29 février 2020')[0]?.[1]).toBe('2020-02-29')
  })
  it('reports relative dates when there is no publication date', () => {
    expect(problems('attaque de samedi, le 27')).toEqual([
      ['relative-date-without-publication', 'samedi'],
      ['relative-date-without-publication', '27'],
    ])
    expect(found('attaque de samedi')).toEqual([])
  })
})
