// Serialises installs of one tool across processes (two `npm test` at once must not build cosign twice).
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { TOOLS_DIR } from './paths.js'

const POLL_MS = 2000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

/** Holds `.tools/locks/<name>` (a directory, created atomically) while `fn` runs; a dead holder's lock is taken over. */
export async function withInstallLock<T>(name: string, onWait: () => void, fn: () => Promise<T>): Promise<T> {
  const lock = join(TOOLS_DIR, 'locks', name)
  await mkdir(join(TOOLS_DIR, 'locks'), { recursive: true })
  let told = false
  for (;;) {
    try {
      await mkdir(lock)
      await writeFile(join(lock, 'pid'), String(process.pid))
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => '0'))
      if (holder && !alive(holder)) {
        await rm(lock, { recursive: true, force: true })
        continue
      }
      if (!told) onWait()
      told = true
      await sleep(POLL_MS)
    }
  }
  try {
    return await fn()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

/** Waits while any process on the machine runs a command line containing all of `words` (a build started by hand or by machine set-up). */
export async function waitForForeignProcess(words: string[], onWait: () => void): Promise<void> {
  let told = false
  for (;;) {
    const running = await findProcess(words)
    if (!running) return
    if (!told) onWait()
    told = true
    await sleep(POLL_MS)
  }
}

async function findProcess(words: string[]): Promise<boolean> {
  const entries = await readdir('/proc').catch(() => [] as string[])
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')
    const args = cmdline.split('\0')
    if (words.every(w => args.includes(w))) return true
  }
  return false
}
