// Installs pinned Go tools with `go install` into a private GOBIN, then moves them to their versioned names.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { InstallError } from './install-error.js'
import { waitForForeignProcess, withInstallLock } from './install-lock.js'
import type { GoToolPin } from './pins.js'
import { BIN_DIR, TOOLS_DIR } from './paths.js'
import { run, tail } from './run.js'

export type Say = (line: string) => void

export async function goToolOk(pin: GoToolPin): Promise<boolean> {
  if (!existsSync(pin.path)) return false
  const r = await run(pin.path, pin.versionArgs, { timeoutMs: 30000 })
  return r.code === 0 && pin.versionPattern.test(r.stdout + r.stderr)
}

export async function requireGo(): Promise<void> {
  const r = await run('go', ['version'])
  if (r.code !== 0) {
    throw new InstallError(
      'Go',
      'the `go` command is not on PATH; the bed builds crane, cosign and its referrers registry from source',
      'install Go 1.25 or newer (e.g. from the Go downloads page or your package manager) and put it on PATH'
    )
  }
}

/** Installs `pin` unless the binary at its path already reports the pinned version. Returns true when it built. */
export async function ensureGoTool(pin: GoToolPin, say: Say): Promise<boolean> {
  if (await goToolOk(pin)) return false
  const target = `${pin.pkg}@${pin.version}`
  await waitForForeignProcess(['go', 'install', target], () =>
    say(`waiting for a \`go install ${target}\` already running on this machine`)
  )
  return withInstallLock(
    pin.path.split('/').pop() ?? pin.label,
    () => say(`waiting for another installer building ${pin.label}`),
    async () => {
      if (await goToolOk(pin)) return false
      await requireGo()
      await mkdir(join(TOOLS_DIR, 'tmp'), { recursive: true })
      await mkdir(BIN_DIR, { recursive: true })
      const gobin = await mkdtemp(join(TOOLS_DIR, 'tmp', 'gobin-'))
      const byHand = `GOBIN=${gobin} go install ${target} && mv ${gobin}/${pin.built} ${pin.path}`
      try {
        say(`installing ${pin.label}: go install ${target}`)
        const r = await run('go', ['install', target], { env: { ...process.env, GOBIN: gobin } })
        if (r.code !== 0) {
          throw new InstallError(pin.label, `go install failed:\n${tail(r.stderr || r.stdout)}`, byHand)
        }
        await rename(join(gobin, pin.built), pin.path)
      } finally {
        await rm(gobin, { recursive: true, force: true })
      }
      if (!(await goToolOk(pin))) {
        throw new InstallError(pin.label, `${pin.path} does not report version ${pin.version}`, byHand)
      }
      return true
    }
  )
}
