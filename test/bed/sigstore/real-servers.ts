// The real Sigstore servers of the bed: rekor-tiles (Rekor v2, POSIX storage) and sigstore/timestamp-authority,
// each a child process behind the bed's fault proxy. A Rekor v2 stand-in written from a moving spec would prove little.
import { generateKeyPairSync } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort } from '../registries/free-port.js'
import { onFreePort } from '../registries/port-retry.js'
import { startTiedChild, type TiedChild } from '../registries/tied-child.js'
import { waitForAnswer } from '../registries/wait-ready.js'
import { forwardTo } from '../http-forward.js'
import type { FaultController } from '../http-faults.js'
import { REKOR_TILES, TSA_SERVER } from '../tools/pins.js'
import { listen } from './http.js'
import { generateEcKey, parsePem, pem, sha256, signSha256 } from './keys.js'

export interface RealServer {
  /** The fault proxy's URL: what clients are given. */
  url: string
  adminUrl: string
  faults: FaultController
  /** The server itself, behind the proxy. */
  upstream: string
  children: TiedChild[]
  close(): Promise<void>
}

export interface RekorTiles extends RealServer {
  /** Checkpoint origin; sigstore-go checks it against the hostname of the trusted root's baseUrl. */
  origin: string
  /** DER SubjectPublicKeyInfo of the Ed25519 checkpoint key. */
  spki: Buffer
  publicPem: string
  /** C2SP signed-note key ID: SHA-256(origin || "\n" || 0x01 || raw public key), the entries' logId. */
  keyId: Buffer
}

export interface RealTsa extends RealServer {
  /** RFC 3161 endpoint (POST application/timestamp-query). */
  timestampUrl: string
  /** DER certificates, leaf first, as GET /api/v1/timestamp/certchain serves them. */
  chain: Buffer[]
}

const INSTALL = 'npm run testbed:install'

export class RealServerMissingError extends Error {
  readonly code = 'TESTBED_TOOL_MISSING'
}

export function requireBinary(path: string, label: string): void {
  if (!existsSync(path))
    throw new RealServerMissingError(`${label} is not installed at ${path}; \`${INSTALL}\` builds it`)
}

export async function behindProxy(
  upstream: string,
  children: TiedChild[],
  errorBody: (m: string) => unknown
): Promise<RealServer> {
  const proxy = await listen(forwardTo(upstream, errorBody))
  return {
    url: proxy.url,
    adminUrl: proxy.adminUrl,
    faults: proxy.faults,
    upstream,
    children,
    close: async () => {
      await proxy.close()
      await Promise.all(children.map(c => c.stop()))
    }
  }
}

export async function started(child: TiedChild, ready: () => Promise<void>): Promise<void> {
  try {
    await ready()
  } catch (err) {
    await child.stop()
    throw err
  }
}

/** `dir` holds the log's tiles and its key; a fresh key per start, like the rest of the bed's trust. */
export async function startRekorTiles(dir: string): Promise<RekorTiles> {
  requireBinary(REKOR_TILES.path, REKOR_TILES.label)
  const storage = join(dir, 'storage')
  await mkdir(storage, { recursive: true })
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const keyPath = join(dir, 'checkpoint-key.pem')
  await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  // The proxy is on 127.0.0.1 too, so the origin equals the trusted root baseUrl's hostname, as verifiers expect.
  const origin = '127.0.0.1'
  const raw = spki.subarray(spki.length - 32)
  const keyId = sha256(Buffer.concat([Buffer.from(`${origin}\n`), Buffer.from([0x01]), raw]))
  const logFile = join(dir, 'rekor-tiles.log')
  const child = await onFreePort(async host => {
    const [grpcPort, metricsPort] = [await freePort(), await freePort()]
    const args = [
      'serve',
      '--storage-dir',
      storage,
      '--signer-filepath',
      keyPath,
      '--hostname',
      origin,
      '--http-address',
      '127.0.0.1',
      '--http-port',
      host.split(':')[1] ?? '',
      '--grpc-address',
      '127.0.0.1',
      '--grpc-port',
      String(grpcPort),
      '--http-metrics-port',
      String(metricsPort),
      // Short intervals: a signer waits for the checkpoint that covers its entry.
      '--checkpoint-interval',
      '500ms',
      '--batch-max-age',
      '50ms'
    ]
    const c = startTiedChild('rekor-tiles', REKOR_TILES.path, args, { logFile })
    await started(c, () => waitForAnswer('rekor-tiles', `http://${host}/healthz`, [200], c, logFile, 60_000))
    return { c, host }
  })
  await started(child.c, () => seedEntry(child.host, logFile))
  const grpcError = (message: string) => ({ code: 14, message: `bed proxy: ${message}` })
  const server = await behindProxy(child.host, [child.c], grpcError)
  return { ...server, origin, spki, publicPem: pem('PUBLIC KEY', spki), keyId }
}

/**
 * Logs one entry of the bed's own, so no test gets entry 0 of a one-entry tree: protobuf JSON drops the zero
 * logIndex and the empty proof, and sigstore-python 4.5.1 refuses such a bundle as malformed (public logs are never
 * that young).
 */
async function seedEntry(host: string, logFile: string): Promise<void> {
  const key = generateEcKey()
  const data = Buffer.from('oci-attest test bed: first entry\n')
  const body = {
    hashedRekordRequestV002: {
      digest: sha256(data).toString('base64'),
      signature: {
        content: signSha256(key.privateKey, data).toString('base64'),
        verifier: {
          publicKey: { rawBytes: key.spki.toString('base64') },
          keyDetails: 'PKIX_ECDSA_P256_SHA_256'
        }
      }
    }
  }
  const res = await fetch(`http://${host}/api/v2/log/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000)
  })
  if (res.status !== 201)
    throw new Error(
      `rekor-tiles refused the bed's first entry: ${res.status} ${await res.text()} (log: ${logFile})`
    )
  await res.arrayBuffer()
}

export async function startRealTsa(dir: string): Promise<RealTsa> {
  requireBinary(TSA_SERVER.path, 'timestamp-authority v2.1.3 (test/bed/tools/tsa-server)')
  await mkdir(dir, { recursive: true })
  const logFile = join(dir, 'tsa.log')
  const child = await onFreePort(async host => {
    const [address, port] = host.split(':') as [string, string]
    const c = startTiedChild('timestamp-authority', TSA_SERVER.path, ['--host', address, '--port', port], {
      logFile
    })
    await started(c, () =>
      waitForAnswer('timestamp-authority', `http://${host}/ping`, [200], c, logFile, 60_000)
    )
    return { c, host }
  })
  const res = await fetch(`http://${child.host}/api/v1/timestamp/certchain`)
  const chain = parsePem(await res.text()).map(b => b.der)
  if (!res.ok || chain.length === 0) {
    await child.c.stop()
    throw new Error(
      `timestamp-authority served no certificate chain (GET /api/v1/timestamp/certchain: ${res.status})`
    )
  }
  const tsaError = (message: string) => ({ code: 502, message: `bed proxy: ${message}` })
  const server = await behindProxy(child.host, [child.c], tsaError)
  return { ...server, timestampUrl: `${server.url}/api/v1/timestamp`, chain }
}
