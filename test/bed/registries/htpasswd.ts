// An htpasswd file with one bcrypt entry (distribution accepts only bcrypt), made by apache2-utils' htpasswd.
import { writeFile } from 'node:fs/promises'
import { run } from '../tools/run.js'
import { RegistryStartError } from './wait-ready.js'

export async function writeHtpasswd(path: string, username: string, password: string): Promise<void> {
  // -i reads the password from stdin so it never appears in a process listing.
  const r = await run('htpasswd', ['-niB', username], { input: `${password}\n` })
  if (r.code !== 0 || !r.stdout.startsWith(`${username}:$2`)) {
    throw new RegistryStartError(
      `htpasswd -niB could not make a bcrypt entry (${r.error?.message ?? r.stderr.trim()}); run \`npm run testbed:install\``
    )
  }
  await writeFile(path, r.stdout.trim() + '\n', { mode: 0o600 })
}
