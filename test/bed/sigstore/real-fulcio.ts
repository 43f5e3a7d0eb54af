// The real Fulcio (--ca=ephemeralca) and the CT log that gives it SCTs (TesseraCT's POSIX server), each behind the
// bed's fault proxy. Fulcio fetches its issuer's discovery document from the token's `iss`, so the issuer it trusts
// is a second bed issuer whose `iss` is its own loopback URL (the GitHub-shaped one cannot be reached by that name).
import { generateKeyPairSync } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { freePort } from '../registries/free-port.js'
import { onFreePort } from '../registries/port-retry.js'
import { startTiedChild, type TiedChild } from '../registries/tied-child.js'
import { waitForAnswer } from '../registries/wait-ready.js'
import { forwardTo } from '../http-forward.js'
import { FULCIO, TESSERACT } from '../tools/pins.js'
import { listen } from './http.js'
import { parsePem, pem, sha256 } from './keys.js'
import { behindProxy, requireBinary, started, type RealServer } from './real-servers.js'

export interface RealCtLog extends RealServer {
  /** Static-CT origin: the proxy's host (TesseraCT refuses a port in it); checkpoints name it, SCTs do not. */
  origin: string
  /** DER SubjectPublicKeyInfo of its P-256 key; SHA-256 of it is the SCTs' log ID. */
  spki: Buffer
  logId: Buffer
}

export interface RealFulcio extends RealServer {
  /** The ephemeral CA's chain as GET /api/v2/trustBundle serves it (DER, root last). */
  chain: Buffer[]
  ctlog: RealCtLog
}

const grpcError = (message: string) => ({ code: 14, message: `bed proxy: ${message}` })

/** Fulcio's config: the bed issuer registered as Fulcio's built-in `github-workflow` issuer type, audience sigstore. */
function fulcioConfig(issuer: string): string {
  return JSON.stringify(
    { OIDCIssuers: { [issuer]: { IssuerURL: issuer, ClientID: 'sigstore', Type: 'github-workflow' } } },
    null,
    2
  )
}

/** `issuer` must already answer discovery: Fulcio reads it at start. */
export async function startRealFulcio(dir: string, issuer: string): Promise<RealFulcio> {
  requireBinary(FULCIO.path, FULCIO.label)
  requireBinary(TESSERACT.path, TESSERACT.label)
  await mkdir(join(dir, 'ctlog', 'storage'), { recursive: true })
  const configPath = join(dir, 'fulcio-config.json')
  await writeFile(configPath, fulcioConfig(issuer))
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const ctKeyPath = join(dir, 'ctlog', 'private-key.pem')
  const ctPubPath = join(dir, 'ctlog', 'public-key.pem')
  await writeFile(ctKeyPath, privateKey.export({ type: 'sec1', format: 'pem' }), { mode: 0o600 })
  await writeFile(ctPubPath, pem('PUBLIC KEY', spki))

  // TesseraCT needs the CA's root, which the ephemeral CA makes at start: the CT proxy exists first, its target later.
  let ctForward: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined
  const ctProxy = await listen(async (req, res) => {
    if (ctForward) return ctForward(req, res)
    res.writeHead(503, { 'content-type': 'text/plain' }).end('bed proxy: the CT log is not started yet\n')
  })
  const origin = new URL(ctProxy.url).hostname
  const children: TiedChild[] = []
  try {
    const fulcioLog = join(dir, 'fulcio.log')
    const fulcio = await onFreePort(async host => {
      const [address, port] = host.split(':') as [string, string]
      const args = [
        'serve',
        '--ca=ephemeralca',
        `--config-path=${configPath}`,
        `--host=${address}`,
        `--port=${port}`,
        // Its own gRPC port: v1.8.8's one-port duplex mode panics registering its gRPC metrics twice.
        `--grpc-host=${address}`,
        `--grpc-port=${await freePort()}`,
        `--metrics-port=${await freePort()}`,
        // The default is one fixed abstract socket name, which a second bed on the machine would collide with.
        `--legacy-unix-domain-socket=@oci-attest-bed-fulcio-${port}`,
        `--ct-log-url=${ctProxy.url}`,
        `--ct-log-public-key-path=${ctPubPath}`
      ]
      const c = startTiedChild('fulcio', FULCIO.path, args, { logFile: fulcioLog })
      await started(c, () => waitForAnswer('fulcio', `http://${host}/healthz`, [200], c, fulcioLog, 60_000))
      return { c, host }
    })
    children.push(fulcio.c)
    const chain = await trustBundle(fulcio.host)
    const rootsPath = join(dir, 'ctlog', 'roots.pem')
    await writeFile(rootsPath, pem('CERTIFICATE', chain[chain.length - 1] as Buffer))

    const ctLogFile = join(dir, 'ctlog', 'tesseract.log')
    const ct = await onFreePort(async host => {
      const args = [
        `--http_endpoint=${host}`,
        `--origin=${origin}`,
        `--storage_dir=${join(dir, 'ctlog', 'storage')}`,
        `--roots_pem_file=${rootsPath}`,
        `--private_key=${ctKeyPath}`,
        '--ext_key_usages=CodeSigning',
        // A signer waits for the checkpoint covering its certificate before it gets its SCT.
        '--checkpoint_interval=500ms'
      ]
      // Its OTLP exporter has nowhere to send metrics here: export rarely rather than log a failure every minute.
      const env = { ...process.env, OTEL_METRIC_EXPORT_INTERVAL: '86400000' }
      const c = startTiedChild('tesseract', TESSERACT.path, args, { logFile: ctLogFile, env })
      await started(c, () =>
        waitForAnswer('tesseract', `http://${host}/healthz`, [200], c, ctLogFile, 60_000)
      )
      return { c, host }
    })
    children.push(ct.c)
    ctForward = forwardTo(ct.host, m => ({ error: m }))

    const fulcioServer = await behindProxy(fulcio.host, [fulcio.c], grpcError)
    const ctlog: RealCtLog = {
      url: ctProxy.url,
      adminUrl: ctProxy.adminUrl,
      faults: ctProxy.faults,
      upstream: ct.host,
      children: [ct.c],
      origin,
      spki,
      logId: sha256(spki),
      close: async () => {
        await ctProxy.close()
        await ct.c.stop()
      }
    }
    return {
      ...fulcioServer,
      children: [fulcio.c, ct.c],
      chain,
      ctlog,
      close: async () => {
        await fulcioServer.close()
        await ctlog.close()
      }
    }
  } catch (err) {
    await Promise.all(children.map(c => c.stop()))
    await ctProxy.close()
    throw err
  }
}

async function trustBundle(host: string): Promise<Buffer[]> {
  const res = await fetch(`http://${host}/api/v2/trustBundle`, { signal: AbortSignal.timeout(10_000) })
  const body = (await res.json().catch(() => ({}))) as { chains?: Array<{ certificates?: string[] }> }
  const chain = (body.chains?.[0]?.certificates ?? []).flatMap(p => parsePem(p).map(b => b.der))
  if (!res.ok || chain.length === 0)
    throw new Error(`fulcio served no CA chain (GET /api/v2/trustBundle: ${res.status})`)
  return chain
}
