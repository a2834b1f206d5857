/**
 * Diagnostics are vfile messages, as in the unified collective: every problem
 * names its file, line and column and a rule id, and is printed by
 * vfile-reporter. Stages never throw on bad content; they add messages.
 */
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import type { Point, Position } from 'unist'
import { reporter } from 'vfile-reporter'

/** Every rule id Passerelle emits is prefixed with this source name. */
export const SOURCE = 'passerelle'

export interface MessageOptions {
  place?: Point | Position | undefined
  ruleId: string
  /** What the user should do about it. Appended to the reason. */
  hint?: string
}

function place(file: VFile, options: MessageOptions) {
  // A message without a place would print as 1:1; point at the file start explicitly instead.
  return options.place ?? { line: 1, column: 1, offset: 0 }
}

function text(reason: string, options: MessageOptions) {
  return options.hint ? `${reason}; ${options.hint}` : reason
}

function emit(file: VFile, reason: string, options: MessageOptions, fatal: boolean): VFileMessage {
  const message = file.message(text(reason, options), {
    place: place(file, options),
    ruleId: options.ruleId,
    source: SOURCE,
  })
  message.fatal = fatal
  return message
}

/** An error: the command will exit non-zero and write nothing. */
export function error(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  return emit(file, reason, options, true)
}

/** A warning: reported, but the command still succeeds. */
export function warn(file: VFile, reason: string, options: MessageOptions): VFileMessage {
  return emit(file, reason, options, false)
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((file) => file.messages.some((message) => message.fatal === true))
}

/** vfile-reporter output for the files that have messages ('' when none). */
export function formatReport(files: readonly VFile[], options: { color?: boolean } = {}): string {
  const withMessages = files.filter((file) => file.messages.length > 0)
  if (withMessages.length === 0) return ''
  return reporter(withMessages, { color: options.color ?? false, quiet: true })
}
