// Installs the Debian packages the bed runs (distribution 2.8, htpasswd, openssl) when their commands are missing.
import type { Say } from './go-tools.js'
import { InstallError } from './install-error.js'
import { withInstallLock } from './install-lock.js'
import { APT_TOOLS } from './pins.js'
import { run, tail } from './run.js'

type AptTool = (typeof APT_TOOLS)[number]

async function present(tool: AptTool): Promise<boolean> {
  const r = await run(tool.command, tool.args, { timeoutMs: 30000 })
  return r.code === 0 && tool.pattern.test(r.stdout + r.stderr)
}

async function missing(): Promise<AptTool[]> {
  const checks = await Promise.all(APT_TOOLS.map(async t => ((await present(t)) ? undefined : t)))
  return checks.filter((t): t is AptTool => t !== undefined)
}

function aptGet(args: string[]) {
  const asRoot = process.getuid?.() === 0
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  return asRoot
    ? run('apt-get', args, { env })
    : run('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args])
}

/** Returns the labels it installed. `apt-get update` runs only when a first install attempt fails. */
export async function ensureAptTools(say: Say): Promise<string[]> {
  if ((await missing()).length === 0) return []
  return withInstallLock(
    'apt',
    () => say('waiting for another installer running apt-get'),
    async () => {
      const todo = await missing()
      if (todo.length === 0) return []
      const pkgs = [...new Set(todo.map(t => t.pkg))]
      const byHand = `sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`
      say(`installing Debian packages: apt-get install ${pkgs.join(' ')}`)
      const install = ['install', '-y', '--no-install-recommends', ...pkgs]
      let r = await aptGet(install)
      if (r.code !== 0) {
        say('apt-get install failed; running apt-get update and trying again')
        await aptGet(['update'])
        r = await aptGet(install)
      }
      if (r.code !== 0) {
        const why = r.error ? r.error.message : tail(r.stderr || r.stdout)
        throw new InstallError(todo.map(t => t.label).join(', '), `apt-get failed:\n${why}`, byHand)
      }
      const still = await missing()
      if (still.length > 0) {
        throw new InstallError(
          still.map(t => t.label).join(', '),
          'still missing or the wrong version after apt-get install (docker-registry must be distribution 2.8)',
          byHand
        )
      }
      return todo.map(t => t.label)
    }
  )
}
