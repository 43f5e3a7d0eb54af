// Builds dist/ with ncc: unminified (reviewable diffs) with licenses, one bundle per entry point.
import { execFileSync } from 'node:child_process'
import { rmSync, existsSync } from 'node:fs'

const entries = [
  { src: 'src/action/index.ts', out: 'dist' },
  { src: 'src/cli/index.ts', out: 'dist/cli' }
]
rmSync('dist', { recursive: true, force: true })
for (const { src, out } of entries) {
  if (!existsSync(src)) continue
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      src,
      '-o',
      out,
      '--license',
      'licenses.txt',
      '--target',
      'es2023',
      '-q'
    ],
    { stdio: 'inherit' }
  )
}
