// Rekor v1-compatible transparency log over a real RFC 6962 tree, with SETs and signed checkpoints.
import { randomInt } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { canonicalJson } from './canonical-json.js'
import { listen, pathOf, readBody, sendError, sendJson, type RunningServer } from './http.js'
import { generateEcKey, sha256, signSha256, type EcKey } from './keys.js'
import { MerkleTree, leafHash } from './merkle.js'
import { EntryError, canonicalizeProposedEntry } from './rekor-kinds.js'

export interface RekorOptions {
  host?: string
  key: EcKey
  /** Checkpoint origin and signer name; defaults to the listening host:port, which sigstore-js expects
   * to find in the log's baseUrl. */
  hostname?: string
}

export interface Rekor extends RunningServer {
  treeId: string
  logId: string
}

interface StoredEntry {
  body: Buffer
  uuid: string
  integratedTime: number
  logIndex: number
  set: Buffer
}

/** Index 0 holds a valid entry of the bed's own, so clients never see logIndex 0 or an empty proof: protobuf
 * JSON drops zero values and sigstore-python then rejects the bundle, which never happens with public Rekor. */
function appendGenesis(append: (body: Buffer) => unknown): void {
  const key = generateEcKey()
  const artifact = Buffer.from('oci-attest test bed genesis entry\n')
  append(
    canonicalizeProposedEntry({
      apiVersion: '0.0.1',
      kind: 'hashedrekord',
      spec: {
        data: { hash: { algorithm: 'sha256', value: sha256(artifact).toString('hex') } },
        signature: {
          content: signSha256(key.privateKey, artifact).toString('base64'),
          publicKey: { content: Buffer.from(key.publicPem).toString('base64') }
        }
      }
    })
  )
}

/** Signed note: body, blank line, "— <name> <b64(keyhint || signature)>" (rekor pkg/util/signed_note.go). */
export function signCheckpoint(
  key: EcKey,
  hostname: string,
  treeId: string,
  size: number,
  root: Buffer
): string {
  const body = `${hostname} - ${treeId}\n${size}\n${root.toString('base64')}\n`
  const hint = sha256(key.spki).subarray(0, 4)
  const sig = signSha256(key.privateKey, body)
  return `${body}\n\u2014 ${hostname} ${Buffer.concat([hint, sig]).toString('base64')}\n`
}

export async function startRekor(opts: RekorOptions): Promise<Rekor> {
  let hostname = opts.hostname ?? ''
  const treeId = String(randomInt(1, 2 ** 47))
  const treePrefix = BigInt(treeId).toString(16).padStart(16, '0')
  const logId = sha256(opts.key.spki).toString('hex')
  const tree = new MerkleTree()
  const entries: StoredEntry[] = []
  const byUuid = new Map<string, StoredEntry>()

  const checkpoint = (size: number) => signCheckpoint(opts.key, hostname, treeId, size, tree.root(size))

  const render = (e: StoredEntry): Record<string, unknown> => {
    const size = tree.size
    return {
      [treePrefix + e.uuid]: {
        body: e.body.toString('base64'),
        integratedTime: e.integratedTime,
        logID: logId,
        logIndex: e.logIndex,
        verification: {
          inclusionProof: {
            checkpoint: checkpoint(size),
            hashes: tree.inclusionProof(e.logIndex, size).map(h => h.toString('hex')),
            logIndex: e.logIndex,
            rootHash: tree.root(size).toString('hex'),
            treeSize: size
          },
          signedEntryTimestamp: e.set.toString('base64')
        }
      }
    }
  }

  const lookup = (id: string): StoredEntry | undefined => byUuid.get(id.length === 80 ? id.slice(16) : id)

  const append = (body: Buffer): StoredEntry => {
    const hash = leafHash(body)
    const uuid = hash.toString('hex')
    const logIndex = tree.append(hash)
    const integratedTime = Math.floor(Date.now() / 1000)
    // the SET signs the canonical {body, integratedTime, logID, logIndex}, as rekor's signEntry does
    const set = signSha256(
      opts.key.privateKey,
      canonicalJson({ body: body.toString('base64'), integratedTime, logID: logId, logIndex })
    )
    const entry = { body, uuid, integratedTime, logIndex, set }
    entries.push(entry)
    byUuid.set(uuid, entry)
    return entry
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = pathOf(req)
    if (req.method === 'POST' && path === '/api/v1/log/entries') {
      let body: Buffer
      try {
        body = canonicalizeProposedEntry(
          JSON.parse((await readBody(req)).toString('utf8')) as Record<string, unknown>
        )
      } catch (err) {
        if (err instanceof EntryError || err instanceof SyntaxError) return sendError(res, 400, err.message)
        throw err
      }
      const existing = byUuid.get(leafHash(body).toString('hex'))
      if (existing) {
        const id = treePrefix + existing.uuid
        return sendError(
          res,
          409,
          `an equivalent entry already exists in the transparency log with UUID ${id}`,
          {
            location: `/api/v1/log/entries/${id}`
          }
        )
      }
      const entry = append(body)
      const id = treePrefix + entry.uuid
      return sendJson(res, 201, render(entry), { location: `/api/v1/log/entries/${id}`, etag: id })
    }
    if (req.method === 'GET' && path === '/api/v1/log/entries') {
      const index = Number(query.get('logIndex'))
      const entry = Number.isInteger(index) ? entries[index] : undefined
      if (!entry) return sendError(res, 404, `no entry at logIndex ${query.get('logIndex')}`)
      return sendJson(res, 200, render(entry))
    }
    const byId = /^\/api\/v1\/log\/entries\/([0-9a-f]{64}|[0-9a-f]{80})$/.exec(path)
    if (req.method === 'GET' && byId) {
      const entry = lookup(byId[1] ?? '')
      if (!entry) return sendError(res, 404, `entry ${byId[1]} not found`)
      return sendJson(res, 200, render(entry))
    }
    if (req.method === 'POST' && path === '/api/v1/log/entries/retrieve') {
      const q = JSON.parse((await readBody(req)).toString('utf8')) as {
        entryUUIDs?: string[]
        logIndexes?: number[]
        entries?: Record<string, unknown>[]
      }
      const found: StoredEntry[] = []
      for (const id of q.entryUUIDs ?? []) {
        const e = lookup(id)
        if (e) found.push(e)
      }
      for (const i of q.logIndexes ?? []) if (entries[i]) found.push(entries[i])
      for (const proposed of q.entries ?? []) {
        try {
          const e = byUuid.get(leafHash(canonicalizeProposedEntry(proposed)).toString('hex'))
          if (e) found.push(e)
        } catch {
          // entries that cannot be canonicalised match nothing
        }
      }
      return sendJson(res, 200, found.map(render))
    }
    if (req.method === 'POST' && path === '/api/v1/index/retrieve') {
      const q = JSON.parse((await readBody(req)).toString('utf8')) as { hash?: string }
      const want = (q.hash ?? '').replace(/^sha256:/, '')
      const uuids = entries
        .filter(e => e.body.toString('utf8').includes(`"value":"${want}"`))
        .map(e => treePrefix + e.uuid)
      return sendJson(res, 200, uuids)
    }
    if (req.method === 'GET' && path === '/api/v1/log') {
      return sendJson(res, 200, {
        rootHash: tree.root().toString('hex'),
        signedTreeHead: checkpoint(tree.size),
        treeSize: tree.size,
        treeID: treeId,
        inactiveShards: []
      })
    }
    if (req.method === 'GET' && path === '/api/v1/log/publicKey') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' })
      res.end(opts.key.publicPem)
      return
    }
    if (req.method === 'GET' && path === '/api/v1/log/proof') {
      const first = Number(query.get('firstSize') ?? 1)
      const last = Number(query.get('lastSize'))
      if (
        !Number.isInteger(first) ||
        !Number.isInteger(last) ||
        first < 1 ||
        last > tree.size ||
        first > last
      ) {
        return sendError(res, 400, `no consistency proof from ${first} to ${last} in a tree of ${tree.size}`)
      }
      return sendJson(res, 200, {
        rootHash: tree.root(last).toString('hex'),
        hashes: tree.consistencyProof(first, last).map(h => h.toString('hex'))
      })
    }
    sendError(res, 404, `no route ${req.method} ${path}`)
  }

  // malformed JSON bodies are the client's fault, as go-swagger reports them
  const guarded = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      await handler(req, res)
    } catch (err) {
      if (!(err instanceof SyntaxError) || res.headersSent) throw err
      sendError(res, 400, `request body is not JSON: ${err.message}`)
    }
  }
  const server = await listen(guarded, opts.host)
  hostname ||= new URL(server.url).host
  appendGenesis(append)
  return { ...server, treeId, logId }
}
