// sigstore-python in a private venv, so the peer verifier's version is the pinned one whatever the system has.
import { existsSync } from 'node:fs'
import type { Say } from './go-tools.js'
import { InstallError } from './install-error.js'
import { withInstallLock } from './install-lock.js'
import { VENV_DIR } from './paths.js'
import { SIGSTORE_PYTHON as S } from './pins.js'
import { run, tail } from './run.js'

/** What `python -m sigstore --version` prints, e.g. "sigstore 4.5.1". */
export async function sigstorePythonVersion(): Promise<string | undefined> {
  if (!existsSync(S.python)) return undefined
  const r = await run(S.python, ['-m', 'sigstore', '--version'], { timeoutMs: 60000 })
  return r.code === 0 ? (r.stdout + r.stderr).trim() : undefined
}

async function ok(): Promise<boolean> {
  return (await sigstorePythonVersion()) === `sigstore ${S.version}`
}

export async function ensureSigstorePython(say: Say): Promise<boolean> {
  if (await ok()) return false
  return withInstallLock(
    'venv',
    () => say('waiting for another installer setting up the Python venv'),
    async () => {
      if (await ok()) return false
      const byHand = `python3 -m venv ${VENV_DIR} && ${S.pip} install ${S.requirement}`
      say(`installing ${S.label}: python3 -m venv ${VENV_DIR} && pip install ${S.requirement}`)
      if (!existsSync(S.python)) {
        const venv = await run('python3', ['-m', 'venv', VENV_DIR])
        if (venv.code !== 0) {
          const why = venv.error ? 'python3 is not on PATH' : tail(venv.stderr || venv.stdout)
          throw new InstallError(S.label, `could not create the venv: ${why}`, byHand)
        }
      }
      const pip = await run(S.pip, ['install', '--disable-pip-version-check', '--quiet', S.requirement])
      if (pip.code !== 0) {
        throw new InstallError(S.label, `pip install failed:\n${tail(pip.stderr || pip.stdout)}`, byHand)
      }
      const version = await sigstorePythonVersion()
      if (version !== `sigstore ${S.version}`) {
        throw new InstallError(S.label, `the venv reports ${JSON.stringify(version)} after install`, byHand)
      }
      return true
    }
  )
}
