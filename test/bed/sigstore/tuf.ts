// A TUF repository (spec 1.0, one ed25519 key for every role) that publishes the bed's trust material the
// way the public-good instance does: trusted_root.json plus the legacy PEM targets with `sigstore` custom
// metadata. Clients that only take their trusted root through TUF (Kyverno's SigstoreBundle verifier, cosign
// without --trusted-root) are pointed at it with `cosign initialize --mirror <url> --root <root.json>`.
import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'
import { canonicalJson } from './canonical-json.js'
import { listen, pathOf, sendError, type RunningServer } from './http.js'

export interface TufTarget {
  name: string
  bytes: Buffer
  /** `sigstore` custom metadata of the legacy targets: usage Fulcio | Rekor | CTFE | TSA. */
  usage?: 'Fulcio' | 'Rekor' | 'CTFE' | 'TSA'
  uri?: string
}

export interface TufRepository {
  /** The initial root.json clients pin. */
  rootPath: string
  url: string
  close(): Promise<void>
}

const hex = (b: Buffer): string => b.toString('hex')
const digest = (alg: 'sha256' | 'sha512', b: Buffer): string => createHash(alg).update(b).digest('hex')

/** Writes the repository under `dir` and serves it (metadata at the root, targets under /targets/). */
export async function startTufRepository(
  dir: string,
  targets: TufTarget[],
  now = new Date()
): Promise<TufRepository> {
  const repo = join(dir, 'tuf')
  await mkdir(join(repo, 'targets'), { recursive: true })
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)
  const key = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: hex(raw) } }
  const keyid = digest('sha256', Buffer.from(canonicalJson(key)))
  const expires = new Date(now.getTime() + 365 * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const role = { keyids: [keyid], threshold: 1 }
  // Every role is signed over the canonical JSON of its `signed` part.
  const envelope = (signed: Record<string, unknown>): Buffer =>
    Buffer.from(
      JSON.stringify({
        signatures: [{ keyid, sig: hex(sign(null, Buffer.from(canonicalJson(signed)), privateKey)) }],
        signed
      })
    )
  const fileMeta = (bytes: Buffer) => ({
    length: bytes.length,
    hashes: { sha256: digest('sha256', bytes), sha512: digest('sha512', bytes) }
  })
  const common = { spec_version: '1.0', version: 1, expires }

  const root = envelope({
    _type: 'root',
    ...common,
    consistent_snapshot: false,
    keys: { [keyid]: key },
    roles: { root: role, targets: role, snapshot: role, timestamp: role }
  })
  const targetsMeta: Record<string, unknown> = {}
  for (const t of targets) {
    await writeFile(join(repo, 'targets', t.name), t.bytes)
    targetsMeta[t.name] = {
      ...fileMeta(t.bytes),
      ...(t.usage
        ? { custom: { sigstore: { status: 'Active', usage: t.usage, ...(t.uri ? { uri: t.uri } : {}) } } }
        : {})
    }
  }
  const targetsJson = envelope({ _type: 'targets', ...common, targets: targetsMeta })
  const snapshot = envelope({
    _type: 'snapshot',
    ...common,
    meta: { 'targets.json': { version: 1, ...fileMeta(targetsJson) } }
  })
  const timestamp = envelope({
    _type: 'timestamp',
    ...common,
    meta: { 'snapshot.json': { version: 1, ...fileMeta(snapshot) } }
  })
  await writeFile(join(repo, 'root.json'), root)
  await writeFile(join(repo, '1.root.json'), root)
  await writeFile(join(repo, 'targets.json'), targetsJson)
  await writeFile(join(repo, 'snapshot.json'), snapshot)
  await writeFile(join(repo, 'timestamp.json'), timestamp)

  const server: RunningServer = await listen(async (req, res) => {
    const { path } = pathOf(req)
    const file = normalize(join(repo, path))
    if (req.method !== 'GET' || !file.startsWith(repo + '/')) return sendError(res, 404, 'not found')
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
      res.end(body)
    } catch {
      // Absent versions (2.root.json) say "no newer root", as on a real mirror.
      sendError(res, 404, `${path} not found`)
    }
  })
  return { rootPath: join(repo, 'root.json'), url: server.url, close: () => server.close() }
}
