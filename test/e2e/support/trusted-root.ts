// The trusted root the action and our verify use against the bed. @sigstore/verify accepts a checkpoint only
// when the log's baseUrl contains the checkpoint signer's name; while the bed's Rekor signs as a host name its
// trusted_root.json does not carry, this writes a copy whose baseUrl names it too (same keys, same checks).
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'

interface TrustedRootJson {
  tlogs: { baseUrl: string }[]
}

export async function trustedRootFor(state: BedState): Promise<string> {
  const s = requireSigstore(state)
  const info = (await (await fetch(`${s.rekorUrl}/api/v1/log`)).json()) as { signedTreeHead?: string }
  const signer = /\n\u2014 (\S+) /.exec(info.signedTreeHead ?? '')?.[1]
  const root = JSON.parse(await readFile(s.trustedRootPath, 'utf8')) as TrustedRootJson
  if (!signer || root.tlogs.every(t => t.baseUrl.includes(signer))) return s.trustedRootPath
  for (const t of root.tlogs) if (!t.baseUrl.includes(signer)) t.baseUrl = `${t.baseUrl}/#${signer}`
  const path = join(state.dir, 'trusted_root.checkpoint-name.json')
  await writeFile(path, JSON.stringify(root, null, 2))
  return path
}
