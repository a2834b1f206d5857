/**
 * The UI's files. Only the names listed here are served, each read from the
 * app folder or the locales: a request path is looked up in this table and
 * never joined to a directory, so `..`, encoded slashes or symlinks cannot
 * reach any other file.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const APP = join(import.meta.dirname, 'app')
const LOCALES = join(import.meta.dirname, '..', '..', 'locales')

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const

const ASSETS: Record<string, { path: string; type: string }> = {
  '/': { path: join(APP, 'index.html'), type: TYPES.html },
  '/app.js': { path: join(APP, 'app.js'), type: TYPES.js },
  '/app.css': { path: join(APP, 'app.css'), type: TYPES.css },
  // i18next's own ES module build: the UI uses the same locale files as the CLI.
  '/vendor/i18next.js': { path: join(import.meta.dirname, '..', '..', 'node_modules', 'i18next', 'dist', 'esm', 'i18next.js'), type: TYPES.js },
  '/locales/en/review.json': { path: join(LOCALES, 'en', 'review.json'), type: TYPES.json },
  '/locales/fr/review.json': { path: join(LOCALES, 'fr', 'review.json'), type: TYPES.json },
}

/** Event pages are the same single page; the script reads the id from the URL. */
const EVENT_PAGE = /^\/events\/[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function staticAsset(pathname: string): Promise<{ body: Buffer; type: string } | undefined> {
  const asset = ASSETS[EVENT_PAGE.test(pathname) ? '/' : pathname]
  if (!asset) return undefined
  return { body: await readFile(asset.path), type: asset.type }
}
