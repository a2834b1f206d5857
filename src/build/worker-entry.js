// The render worker of a CLI run through tsx (a bundled CLI starts the bundled
// worker instead, see renderWorkerEntry in bundle.js). Worker threads do not
// inherit tsx's loader hooks: register them, then load the TypeScript worker.
import { register } from 'tsx/esm/api'

register()
await import('./render-worker.ts')
