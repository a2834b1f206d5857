// Types of bundle.js (plain JavaScript: bin/passerelle.js runs it before any TypeScript is loaded).
export function renderWorkerEntry(): URL | undefined
export function bundledCli(): Promise<{ main: (argv: string[]) => Promise<number> } | undefined>
export function ensureBundle(root?: string): Promise<string>
export function freshBundle(root?: string): string | undefined
export function relocateImportMeta(code: string, path: string): string
