// Bundled CommonJS dependencies (CycloneDX's resource paths) read `__dirname`, which an ES module bundle lacks.
// Imported first by each entry point so it is defined before those modules are evaluated.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const g = globalThis as { __dirname?: string }
g.__dirname ??= dirname(fileURLToPath(import.meta.url))

// A bundled dependency still loads node:punycode; its deprecation warning is noise users cannot act on.
process.noDeprecation = true
