// Builds dist/ with ncc: unminified (reviewable diffs) with licenses, one bundle per entry point.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs'

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

// The CLI is the package's `bin`: npm's shim needs the shebang (ncc keeps the entry's) and a fixed mode keeps
// `git diff` clean whether or not npx has touched the file.
const cli = 'dist/cli/index.js'
if (existsSync(cli)) {
  if (!readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'))
    throw new Error(
      `${cli} lost its #!/usr/bin/env node line: the npm bin shim would run it as a shell script`
    )
  chmodSync(cli, 0o755)
}
