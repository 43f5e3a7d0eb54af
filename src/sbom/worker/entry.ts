// A worker entry for running from TypeScript sources (tests, tsx): the bundles use themselves instead.
import { enterSbomWorker } from './serve.js'

await enterSbomWorker(import.meta.url)
