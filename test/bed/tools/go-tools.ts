// Builds pinned Go tools (`go install`, or `go build` in a throwaway module) privately, then moves them to versioned names.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { InstallError } from './install-error.js'
import { waitForForeignProcess, withInstallLock } from './install-lock.js'
import type { GoToolPin } from './pins.js'
import { BIN_DIR, TOOLS_DIR } from './paths.js'
import { run, tail } from './run.js'

export type Say = (line: string) => void

export async function goToolOk(pin: GoToolPin): Promise<boolean> {
  if (!existsSync(pin.path)) return false
  const r =
    pin.versionArgs.length > 0
      ? await run(pin.path, pin.versionArgs, { timeoutMs: 30000 })
      : await run('go', ['version', '-m', pin.path], { timeoutMs: 30000 })
  return r.code === 0 && pin.versionPattern.test(r.stdout + r.stderr)
}

interface GoBuild {
  args: string[]
  cwd?: string
  byHand: string
}

/** `go install pkg@version`, or for `viaModule` pins a `go build` inside a throwaway module requiring it. */
async function goBuild(pin: GoToolPin, gobin: string): Promise<GoBuild> {
  const target = `${pin.pkg}@${pin.version}`
  const moveIt = `mv ${gobin}/${pin.built} ${pin.path}`
  if (!pin.viaModule) {
    return { args: ['install', target], byHand: `GOBIN=${gobin} go install ${target} && ${moveIt}` }
  }
  const { path, goDirective, replace = [], ldflags } = pin.viaModule
  const replaces = replace.map(r => `\nreplace ${r}\n`).join('')
  const goMod = `module oci-attest.local/bed-build\n\ngo ${goDirective}\n\nrequire ${path} ${pin.version}\n${replaces}`
  await writeFile(join(gobin, 'go.mod'), goMod)
  const args = [
    'build',
    '-mod=mod',
    '-trimpath',
    ...(ldflags ? ['-ldflags', ldflags] : []),
    '-o',
    join(gobin, pin.built),
    pin.pkg
  ]
  return {
    args,
    cwd: gobin,
    byHand: `cd ${gobin} && printf '${goMod.replaceAll('\n', '\\n')}' > go.mod && go ${args.map(a => (a.includes(' ') ? `'${a}'` : a)).join(' ')} && ${moveIt}`
  }
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
      const { args, cwd, byHand } = await goBuild(pin, gobin)
      try {
        say(`installing ${pin.label}: go ${args[0]} ${target}`)
        const r = await run('go', args, { env: { ...process.env, GOBIN: gobin }, ...(cwd ? { cwd } : {}) })
        if (r.code !== 0) {
          throw new InstallError(pin.label, `go ${args[0]} failed:\n${tail(r.stderr || r.stdout)}`, byHand)
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
