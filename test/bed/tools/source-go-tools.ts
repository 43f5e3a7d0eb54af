// Builds the bed's own small Go programs (test/bed/tools/<name>); a stamp of their sources says when to rebuild.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { requireGo, type Say } from './go-tools.js'
import { InstallError } from './install-error.js'
import { withInstallLock } from './install-lock.js'
import type { SourceGoTool } from './pins.js'
import { run, tail } from './run.js'

async function sourceHash(R: SourceGoTool): Promise<string> {
  const hash = createHash('sha256')
  for (const file of R.sources)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(R.sourceDir, file)))
  return hash.digest('hex')
}

export async function sourceGoToolOk(R: SourceGoTool): Promise<boolean> {
  if (!existsSync(R.path)) return false
  const stamp = await readFile(R.stampPath, 'utf8').catch(() => '')
  return stamp.trim() === (await sourceHash(R))
}

export async function ensureSourceGoTool(R: SourceGoTool, say: Say): Promise<boolean> {
  if (await sourceGoToolOk(R)) return false
  return withInstallLock(
    R.label,
    () => say(`waiting for another installer building ${R.label}`),
    async () => {
      if (await sourceGoToolOk(R)) return false
      await requireGo()
      say(`building ${R.label}: go build in ${R.sourceDir}`)
      await mkdir(join(R.path, '..'), { recursive: true })
      const tmp = `${R.path}.tmp-${process.pid}`
      const r = await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', tmp, '.'], {
        cwd: R.sourceDir
      })
      if (r.code !== 0) {
        await rm(tmp, { force: true })
        throw new InstallError(
          R.label,
          `go build failed:\n${tail(r.stderr || r.stdout)}`,
          `cd ${R.sourceDir} && go build -o ${R.path} .`
        )
      }
      await rename(tmp, R.path)
      await writeFile(R.stampPath, (await sourceHash(R)) + '\n')
      return true
    }
  )
}
