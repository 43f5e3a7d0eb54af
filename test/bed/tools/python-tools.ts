// Python peer tools in private venvs, so each one's version is the pinned one whatever the system has.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Say } from './go-tools.js'
import { InstallError } from './install-error.js'
import { withInstallLock } from './install-lock.js'
import { NTIA_CHECKER, SIGSTORE_PYTHON as S } from './pins.js'
import { run, tail } from './run.js'

interface VenvTool {
  label: string
  requirement: string
  python: string
  pip: string
  /** What the tool prints for its version when it is the pinned one. */
  expected: string
  version(): Promise<string | undefined>
}

/** What `python -m sigstore --version` prints, e.g. "sigstore 4.5.1". */
export async function sigstorePythonVersion(): Promise<string | undefined> {
  if (!existsSync(S.python)) return undefined
  const r = await run(S.python, ['-m', 'sigstore', '--version'], { timeoutMs: 60000 })
  return r.code === 0 ? (r.stdout + r.stderr).trim() : undefined
}

/** What `sbomcheck --version` prints, e.g. "6.0.0". */
export async function ntiaCheckerVersion(): Promise<string | undefined> {
  if (!existsSync(NTIA_CHECKER.sbomcheck)) return undefined
  const r = await run(NTIA_CHECKER.sbomcheck, ['--version'], { timeoutMs: 60000 })
  return r.code === 0 ? (r.stdout + r.stderr).trim() : undefined
}

/** Whether the venv's pip starts at all (its shebang names a python that exists). */
async function venvAnswers(pip: string): Promise<boolean> {
  if (!existsSync(pip)) return false
  return (await run(pip, ['--version'], { timeoutMs: 60000 })).code === 0
}

async function ensureVenvTool(tool: VenvTool, say: Say): Promise<boolean> {
  const ok = async () => (await tool.version()) === tool.expected
  if (await ok()) return false
  const venvDir = dirname(dirname(tool.python))
  return withInstallLock(
    venvDir.slice(venvDir.lastIndexOf('/') + 1),
    () => say(`waiting for another installer setting up ${venvDir}`),
    async () => {
      if (await ok()) return false
      const byHand = `python3 -m venv ${venvDir} && ${tool.pip} install ${tool.requirement}`
      // A venv that does not answer is rebuilt: its scripts' shebangs name the path it was made at, so a moved
      // or copied .tools/ leaves one whose pip cannot start.
      if (existsSync(venvDir) && !(await venvAnswers(tool.pip)))
        await rm(venvDir, { recursive: true, force: true })
      say(`installing ${tool.label}: python3 -m venv ${venvDir} && pip install ${tool.requirement}`)
      if (!existsSync(tool.python)) {
        const venv = await run('python3', ['-m', 'venv', venvDir])
        if (venv.code !== 0) {
          const why = venv.error ? 'python3 is not on PATH' : tail(venv.stderr || venv.stdout)
          throw new InstallError(tool.label, `could not create the venv: ${why}`, byHand)
        }
      }
      const pip = await run(tool.pip, ['install', '--disable-pip-version-check', '--quiet', tool.requirement])
      if (pip.code !== 0) {
        throw new InstallError(tool.label, `pip install failed:\n${tail(pip.stderr || pip.stdout)}`, byHand)
      }
      const version = await tool.version()
      if (version !== tool.expected) {
        throw new InstallError(
          tool.label,
          `the venv reports ${JSON.stringify(version)} after install`,
          byHand
        )
      }
      return true
    }
  )
}

export function ensureSigstorePython(say: Say): Promise<boolean> {
  return ensureVenvTool({ ...S, expected: `sigstore ${S.version}`, version: sigstorePythonVersion }, say)
}

export function ensureNtiaChecker(say: Say): Promise<boolean> {
  return ensureVenvTool({ ...NTIA_CHECKER, expected: NTIA_CHECKER.version, version: ntiaCheckerVersion }, say)
}
