// Imported first by each entry point (action, CLI), so it runs before any bundled dependency is evaluated.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

// Bundled CommonJS dependencies (CycloneDX's resource paths) read `__dirname`, which an ES module bundle lacks.
const g = globalThis as { __dirname?: string }
g.__dirname ??= dirname(fileURLToPath(import.meta.url))

// A bundled dependency loads node:punycode; only that deprecation (DEP0040) is noise users cannot act on.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void
process.emitWarning = ((warning: unknown, ...rest: unknown[]) => {
  const options = rest[0]
  const code =
    typeof options === 'object' && options !== null ? (options as { code?: unknown }).code : rest[1]
  if (code === 'DEP0040') return
  emitWarning(warning, ...rest)
}) as typeof process.emitWarning
