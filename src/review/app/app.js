// The review UI: plain DOM, no framework. All words come from
// locales/{en,fr}/review.json through i18next; text is always set with
// textContent, never parsed as HTML, so excerpt text cannot inject markup.
import i18next from '/vendor/i18next.js'

const STATUSES = ['supported', 'contested', 'unsupported', 'stale']
const main = document.getElementById('main')
const t = (key, options) => i18next.t(key, options)

/** h('p', { class: 'x' }, 'text', child) */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  element.append(...present(children))
  return element
}

/** Nested arrays of children, without the undefined of conditional parts. */
const present = (children) => children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false)

const show = (...children) => main.replaceChildren(...present(children))

async function api(path, init) {
  const response = await fetch(path, init)
  const body = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(body.error ?? `${response.status} ${response.statusText}`)
  return body
}

function formatValue(value) {
  if (Array.isArray(value)) return value.join(', ')
  if (value && typeof value === 'object') return `${value.min}–${value.max}`
  return String(value)
}

const needsReview = (evidence) => !evidence.decision || evidence.decision.stale === true

function counts(summary) {
  return h('ul', { class: 'counts', 'aria-label': 'counts' },
    STATUSES.map((status) => h('li', {}, h('span', { class: `badge ${status}${summary.counts[status] === 0 ? ' zero' : ''}`, 'data-count': status }, `${t(`status.${status}`)}: ${summary.counts[status]}`))),
    h('li', {}, h('span', { class: 'badge undecided', 'data-count': 'needs-review' }, t('events.needsReview', { count: summary.needsReview }))),
    summary.staleProse > 0 ? h('li', {}, h('span', { class: 'badge stale' }, t('events.staleProse', { count: summary.staleProse }))) : undefined,
  )
}

// ---------------------------------------------------------------- event list

async function showEvents() {
  const events = await api('/api/events')
  document.title = t('title')
  show(
    h('h1', {}, t('events.heading')),
    events.length === 0 ? h('p', { class: 'empty' }, t('events.empty')) :
      h('ul', { class: 'event-list' }, events.map((event) =>
        h('li', {}, h('a', { href: `/events/${event.id}${location.search}` }, event.title[i18next.language === 'fr' ? 'fr' : 'en']), counts(event)))),
  )
}

// ---------------------------------------------------------------- one event

const page = { id: '', view: undefined, filter: false, selected: undefined }

async function showEvent(id) {
  page.id = id
  page.view = await api(`/api/events/${encodeURIComponent(id)}`)
  document.title = `${page.view.title.en} — ${t('title')}`
  renderEvent()
}

function visibleEvidence() {
  return Array.from(main.querySelectorAll('.evidence'))
}

function renderEvent() {
  const { view } = page
  const previous = visibleEvidence().map((element) => element.dataset.link)
  const previousIndex = Math.max(0, previous.indexOf(page.selected))
  const fields = view.fields
    .map((field) => ({ ...field, shown: page.filter ? field.evidence.filter(needsReview) : field.evidence }))
    .filter((field) => !page.filter || field.shown.length > 0)
  show(
    h('p', {}, h('a', { href: `/${location.search}` }, `← ${t('event.back')}`)),
    h('h1', {}, view.title.en, h('span', { lang: 'fr', class: 'subtitle' }, ` / ${view.title.fr}`)),
    counts(view),
    h('h2', {}, t('event.fields')),
    h('div', { class: 'toolbar' },
      h('label', {}, h('input', { type: 'checkbox', id: 'filter', checked: page.filter, onchange: (event) => { page.filter = event.target.checked; renderEvent() } }), ' ', t('event.filter')),
      h('span', { class: 'status-line', id: 'status-line', role: 'status' })),
    page.filter && fields.length === 0 ? h('p', { class: 'empty' }, t('event.allReviewed')) : undefined,
    fields.map(renderField),
    view.unmatched.length > 0 ? [h('h2', {}, t('event.unmatched')), h('ul', {}, view.unmatched.map((claim) => h('li', { lang: 'fr' }, `${claim.kind}: ${formatValue(claim.value)} — ${claim.text} (${claim.excerpt})`)))] : undefined,
    h('h2', {}, t('event.prose')),
    h('div', { class: 'prose' }, view.prose.map(renderSection)),
  )
  // Keep the selection where it was; if its item left the filtered list, select the one now at its place.
  const now = visibleEvidence()
  const keep = now.find((element) => element.dataset.link === page.selected) ?? now[Math.min(previousIndex, now.length - 1)]
  select(keep, false)
}

function renderField(field) {
  return h('section', { class: 'field', 'data-field': field.field },
    h('header', {},
      h('span', { class: 'field-name' }, field.field),
      h('span', { class: 'field-value' }, formatValue(field.value)),
      h('span', { class: `badge ${field.status}`, 'data-status': field.status }, t(`status.${field.status}`))),
    field.evidence.length === 0 ? h('p', { class: 'empty' }, t('event.noEvidence')) :
      h('ul', { class: 'evidence-list' }, field.shown.map((evidence) => renderEvidence(field, evidence))))
}

function renderEvidence(field, evidence) {
  const decided = evidence.decision?.decision
  const note = h('input', { type: 'text', value: evidence.decision?.note ?? '', placeholder: t('evidence.notePlaceholder'), 'aria-label': t('evidence.note'), maxlength: 2000 })
  const item = h('li', {
    class: `evidence ${evidence.agrees ? 'agrees' : 'disagrees'}`,
    'data-link': evidence.link,
    'data-decision': decided ?? 'none',
    tabindex: '-1',
    onclick: () => select(item),
  },
    h('blockquote', { lang: 'fr' },
      evidence.text.slice(0, evidence.start),
      h('mark', {}, evidence.text.slice(evidence.start, evidence.end)),
      evidence.text.slice(evidence.end)),
    h('div', { class: 'meta' },
      `${t('evidence.source')}: `, h('strong', {}, evidence.sourceName), ` (${evidence.excerpt}) — `,
      evidence.agrees ? t('evidence.agrees') : `${t('evidence.disagrees')}: ${formatValue(evidence.value)}`),
    evidence.decision?.stale ? h('div', { class: 'stale-note' }, t('evidence.staleDecision')) : undefined,
    h('div', { class: 'note' }, note,
      h('button', { type: 'button', disabled: !decided, onclick: () => decide(evidence.link, decided, note.value) }, t('evidence.saveNote'))),
    h('div', { class: 'actions' },
      h('span', { class: `badge ${decided ?? 'undecided'}${evidence.decision?.stale ? ' stale' : ''}`, 'data-role': 'decision' }, decided ? t(`evidence.${decided}`) : t('evidence.undecided')),
      h('button', { type: 'button', class: 'approve', 'aria-keyshortcuts': 'a', onclick: () => decide(evidence.link, 'approved', note.value) }, `${t('evidence.approve')} (a)`),
      h('button', { type: 'button', class: 'reject', 'aria-keyshortcuts': 'r', onclick: () => decide(evidence.link, 'rejected', note.value) }, `${t('evidence.reject')} (r)`)),
  )
  item._note = note
  return item
}

function select(element, scroll = true) {
  for (const other of main.querySelectorAll('.evidence.selected')) {
    other.classList.remove('selected')
    other.removeAttribute('aria-current')
  }
  page.selected = element?.dataset.link
  if (!element) return
  element.classList.add('selected')
  element.setAttribute('aria-current', 'true')
  if (scroll) element.scrollIntoView({ block: 'nearest' })
}

function move(step) {
  const items = visibleEvidence()
  if (items.length === 0) return
  const index = items.findIndex((element) => element.dataset.link === page.selected)
  select(items[Math.min(items.length - 1, Math.max(0, index === -1 ? 0 : index + step))])
}

async function decide(link, decision, note) {
  const status = document.getElementById('status-line')
  status.textContent = t('evidence.saving')
  try {
    const body = { link, decision, ...(note.trim() ? { note } : {}) }
    await api(`/api/events/${encodeURIComponent(page.id)}/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    page.selected = link
    page.view = await api(`/api/events/${encodeURIComponent(page.id)}`)
    renderEvent()
    document.getElementById('status-line').textContent = t('evidence.saved')
  } catch (error) {
    status.textContent = t('evidence.failed', { message: error.message })
  }
}

function renderSection(section) {
  const paragraphs = (text) => text.split('\n\n').map((paragraph) => h('p', {}, paragraph))
  return h('article', { class: `section${section.stale ? ' stale' : ''}`, 'data-section': section.id },
    h('h3', {}, section.id),
    section.stale ? h('p', { class: 'stale-flag', 'data-role': 'stale' }, t('prose.stale', { translates: section.translates, current: section.current })) : undefined,
    section.stale && section.oldEnglish === 'found' ? [h('p', {}, t('prose.diff')), h('div', { class: 'diff', 'data-role': 'diff' },
      section.diff.map((part) => part.added ? h('ins', {}, part.value) : part.removed ? h('del', {}, part.value) : part.value))] : undefined,
    section.stale && section.oldEnglish === 'not-found' ? h('p', { class: 'empty', 'data-role': 'old-not-found' }, t('prose.oldNotFound')) : undefined,
    h('div', { class: 'columns' },
      h('div', { lang: 'en' }, h('h4', {}, t('prose.english')), paragraphs(section.en)),
      h('div', { lang: 'fr' }, h('h4', {}, t('prose.french'), section.state ? ` — ${t('prose.state', { state: t(`prose.states.${section.state}`) })}` : ''),
        section.fr ? paragraphs(section.fr) : h('p', { class: 'empty' }, t('prose.missing')))),
  )
}

document.addEventListener('keydown', (event) => {
  if (!page.view || event.ctrlKey || event.metaKey || event.altKey) return
  if (event.target.closest?.('input, textarea, select, [contenteditable]')) return
  const selected = main.querySelector('.evidence.selected')
  if (event.key === 'j') move(1)
  else if (event.key === 'k') move(-1)
  else if ((event.key === 'a' || event.key === 'r') && selected) decide(selected.dataset.link, event.key === 'a' ? 'approved' : 'rejected', selected._note?.value ?? '')
  else return
  event.preventDefault()
})

// ---------------------------------------------------------------- start

async function start() {
  const wanted = new URLSearchParams(location.search).get('lang') ?? navigator.language ?? 'en'
  const language = wanted.toLowerCase().startsWith('fr') ? 'fr' : 'en'
  const resources = await fetch(`/locales/${language}/review.json`).then((response) => response.json())
  await i18next.init({ lng: language, resources: { [language]: { review: resources } }, ns: ['review'], defaultNS: 'review', interpolation: { escapeValue: false } })
  document.documentElement.lang = language
  document.getElementById('help').textContent = t('event.help')
  const match = /^\/events\/([a-z0-9-]+)$/.exec(location.pathname)
  try {
    if (match) await showEvent(match[1])
    else await showEvents()
  } catch (error) {
    show(h('p', { role: 'alert' }, t('error.load', { message: error.message })))
  }
}

start()
