// Bundles the code under test into plain JS (esbuild, as the shipped dist is bundled) so the bench
// measures our code and not tsx's on-the-fly TypeScript compilation.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { BENCH_DIR, REPO } from './paths.js'

/** Optional peers of @cyclonedx/cyclonedx-library that only validation and XML use. */
const EXTERNAL = [
  'xmlbuilder2',
  'libxmljs2',
  'ajv',
  'ajv-formats',
  'ajv-formats-draft2019',
  'packageurl-js',
  'spdx-expression-parse'
]

export function bundle(entry: string, name: string, format: 'cjs' | 'esm'): string {
  const out = join(BENCH_DIR, 'dist', name)
  execFileSync(
    join(REPO, 'node_modules', '.bin', 'esbuild'),
    [
      join(REPO, entry),
      '--bundle',
      '--platform=node',
      `--format=${format}`,
      '--target=node24',
      `--outfile=${out}`,
      '--log-level=error',
      // Bundled CommonJS dependencies call require(); an ES module bundle gets one, as ncc's output does.
      ...(format === 'esm'
        ? [
            "--banner:js=import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
          ]
        : []),
      ...EXTERNAL.map(e => `--external:${e}`)
    ],
    { stdio: 'inherit' }
  )
  return out
}
