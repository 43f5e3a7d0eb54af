// Builds the bed's referrers-API registry from test/bed/tools/referrers-registry; a stamp of its sources says when to rebuild.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { requireGo, type Say } from './go-tools.js'
import { InstallError } from './install-error.js'
import { withInstallLock } from './install-lock.js'
import { REFERRERS_REGISTRY as R } from './pins.js'
import { run, tail } from './run.js'

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256')
  for (const file of R.sources)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(join(R.sourceDir, file)))
  return hash.digest('hex')
}

export async function referrersRegistryOk(): Promise<boolean> {
  if (!existsSync(R.path)) return false
  const stamp = await readFile(R.stampPath, 'utf8').catch(() => '')
  return stamp.trim() === (await sourceHash())
}

export async function ensureReferrersRegistry(say: Say): Promise<boolean> {
  if (await referrersRegistryOk()) return false
  return withInstallLock(
    'referrers-registry',
    () => say('waiting for another installer building referrers-registry'),
    async () => {
      if (await referrersRegistryOk()) return false
      await requireGo()
      say('building referrers-registry: go build in test/bed/tools/referrers-registry')
      await mkdir(join(R.path, '..'), { recursive: true })
      const tmp = `${R.path}.tmp-${process.pid}`
      const r = await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', tmp, '.'], {
        cwd: R.sourceDir
      })
      if (r.code !== 0) {
        await rm(tmp, { force: true })
        throw new InstallError(
          'referrers-registry',
          `go build failed:\n${tail(r.stderr || r.stdout)}`,
          `cd ${R.sourceDir} && go build -o ${R.path} .`
        )
      }
      await rename(tmp, R.path)
      await writeFile(R.stampPath, (await sourceHash()) + '\n')
      return true
    }
  )
}
