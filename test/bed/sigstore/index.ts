// The local Sigstore stack: OIDC issuer, Fulcio, Rekor v1 and a TSA on loopback, plus trust files.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startFulcio } from './fulcio.js'
import { generateEcKey, sha256 } from './keys.js'
import { startOidcIssuer, GITHUB_ISSUER, type OidcIssuer } from './oidc.js'
import { startRekor } from './rekor.js'
import { writeTrustFiles, type TrustFiles } from './trust-files.js'
import { startTsa } from './tsa.js'
import { startRealTsa, startRekorTiles, type RealTsa, type RekorTiles } from './real-servers.js'
import { startRealFulcio, type RealFulcio } from './real-fulcio.js'
import { startTufRepository } from './tuf.js'
import type { TiedChild } from '../registries/tied-child.js'
import { createCaChain } from './x509.js'
import type { Claims } from './jwt.js'

export interface SigstoreStack extends TrustFiles {
  oidcUrl: string
  /** The `iss` of minted tokens. */
  issuer: string
  tokenRequestUrl: string
  tokenRequestToken: string
  fulcioUrl: string
  rekorUrl: string
  tsaUrl: string
  /** TUF mirror publishing the trust material (see tuf.ts) and the root.json clients pin. */
  tufUrl: string
  tufRootPath: string
  adminUrl: { oidc: string; fulcio: string; rekor: string; tsa: string }
  /** rekor-tiles, timestamp-authority, Fulcio + its CT log and the issuer Fulcio trusts, with `realServers`. */
  real?: RealServers
  /** Child processes (the real servers), for a synchronous kill on exit. */
  children: TiedChild[]
  /** Mints a token in-process (same as POST <oidcUrl>/__mint). */
  mint(overrides?: Claims): string
  close(): Promise<void>
}

export interface SigstoreStackOptions {
  /** Directory for trusted_root.json and the PEM files. */
  dir: string
  host?: '127.0.0.1'
  issuer?: string
  /** Also run the real rekor-tiles and timestamp-authority (built by the installer). */
  realServers?: boolean
  /** With `realServers`, also the real Fulcio, its CT log (TesseraCT) and the issuer it trusts. */
  realFulcio?: boolean
}

export interface RealServers {
  rekorV2: RekorTiles
  tsa: RealTsa
  /** The real Fulcio with its CT log, and the issuer it trusts (GitHub-shaped tokens, `iss` its own URL). */
  fulcio?: { server: RealFulcio; issuer: OidcIssuer }
}

async function startFulcioWithIssuer(dir: string, host: string): Promise<RealServers['fulcio']> {
  const issuer = await startOidcIssuer({ host, issuer: 'self' })
  try {
    return { issuer, server: await startRealFulcio(dir, issuer.issuer) }
  } catch (err) {
    await issuer.close()
    throw err
  }
}

async function startReal(dir: string, host: string, withFulcio: boolean): Promise<RealServers> {
  const [rekorV2, tsa, fulcio] = await Promise.allSettled([
    startRekorTiles(join(dir, 'rekor-v2')),
    startRealTsa(join(dir, 'timestamp-authority')),
    withFulcio ? startFulcioWithIssuer(join(dir, 'fulcio'), host) : undefined
  ])
  if (rekorV2.status === 'fulfilled' && tsa.status === 'fulfilled' && fulcio.status === 'fulfilled')
    return { rekorV2: rekorV2.value, tsa: tsa.value, ...(fulcio.value ? { fulcio: fulcio.value } : {}) }
  await Promise.allSettled([
    rekorV2.status === 'fulfilled' ? rekorV2.value.close() : undefined,
    tsa.status === 'fulfilled' ? tsa.value.close() : undefined,
    fulcio.status === 'fulfilled' ? closeFulcio(fulcio.value) : undefined
  ])
  const failed = [rekorV2, tsa, fulcio].find(r => r.status === 'rejected') as PromiseRejectedResult
  throw failed.reason
}

async function closeFulcio(f: RealServers['fulcio']): Promise<void> {
  await Promise.all([f?.server.close(), f?.issuer.close()])
}

export async function startSigstoreStack(opts: SigstoreStackOptions): Promise<SigstoreStack> {
  const host = opts.host ?? '127.0.0.1'
  const now = new Date()
  const validFrom = new Date(now.getTime() - 3600_000)
  // Named like public-good Fulcio (O=sigstore.dev): gh picks its full checks (SCT, tlog, timestamp) by that name.
  const fulcioCa = createCaChain('fulcio', ['1.3.6.1.5.5.7.3.3'], now, 'sigstore.dev')
  const tsaCa = createCaChain('tsa', ['1.3.6.1.5.5.7.3.8'], now)
  const ctKey = generateEcKey()
  const rekorKey = generateEcKey()

  // Started first: they take longest, and the stand-ins start meanwhile.
  const realStart = opts.realServers ? startReal(opts.dir, host, opts.realFulcio ?? false) : undefined
  realStart?.catch(() => {})
  const oidc = await startOidcIssuer({ host, issuer: opts.issuer ?? GITHUB_ISSUER })
  const fulcio = await startFulcio({
    host,
    oidc,
    ca: fulcioCa,
    ctLog: { privateKey: ctKey.privateKey, logId: sha256(ctKey.spki) }
  })
  const rekor = await startRekor({ host, key: rekorKey })
  const tsa = await startTsa({ host, ca: tsaCa })
  const tsaUrl = `${tsa.url}/api/v1/timestamp`
  const real = await realStart

  const files = await writeTrustFiles({
    dir: opts.dir,
    validFrom,
    fulcio: { url: fulcio.url, ca: fulcioCa },
    rekor: { url: rekor.url, key: rekorKey },
    ctlog: { url: `${fulcio.url}/ct`, key: ctKey },
    tsa: { url: tsaUrl, chain: [tsa.leaf, tsaCa.intermediate, tsaCa.root] },
    oidcUrl: oidc.url,
    ...(real
      ? {
          real: {
            rekorV2: { url: real.rekorV2.url, spki: real.rekorV2.spki, keyId: real.rekorV2.keyId },
            tsa: { url: real.tsa.url, timestampUrl: real.tsa.timestampUrl, chain: real.tsa.chain },
            ...(real.fulcio
              ? {
                  fulcio: {
                    url: real.fulcio.server.url,
                    chain: real.fulcio.server.chain,
                    ctlog: { url: real.fulcio.server.ctlog.url, spki: real.fulcio.server.ctlog.spki },
                    oidcUrl: real.fulcio.issuer.url
                  }
                }
              : {})
          }
        }
      : {})
  })
  const read = (path: string) => readFile(path)
  const tuf = await startTufRepository(opts.dir, [
    { name: 'trusted_root.json', bytes: await read(files.trustedRootPath) },
    // Public good publishes its default signing config under this name; clients read it as they read the root.
    { name: 'signing_config.v0.2.json', bytes: await read(files.signingConfigPath) },
    { name: 'fulcio.crt.pem', bytes: await read(files.fulcioRootsPemPath), usage: 'Fulcio', uri: fulcio.url },
    { name: 'rekor.pub', bytes: await read(files.rekorPublicKeyPath), usage: 'Rekor', uri: rekor.url },
    { name: 'ctfe.pub', bytes: await read(files.ctlogPublicKeyPath), usage: 'CTFE', uri: `${fulcio.url}/ct` },
    { name: 'tsa.certchain.pem', bytes: await read(files.tsaCertChainPath), usage: 'TSA', uri: tsaUrl }
  ])

  return {
    ...files,
    oidcUrl: oidc.url,
    issuer: oidc.issuer,
    tokenRequestUrl: oidc.tokenRequestUrl,
    tokenRequestToken: oidc.tokenRequestToken,
    fulcioUrl: fulcio.url,
    rekorUrl: rekor.url,
    tsaUrl,
    tufUrl: tuf.url,
    tufRootPath: tuf.rootPath,
    adminUrl: { oidc: oidc.adminUrl, fulcio: fulcio.adminUrl, rekor: rekor.adminUrl, tsa: tsa.adminUrl },
    ...(real ? { real } : {}),
    children: real
      ? [...real.rekorV2.children, ...real.tsa.children, ...(real.fulcio?.server.children ?? [])]
      : [],
    mint: overrides => oidc.mint(overrides),
    close: async () => {
      await Promise.all([
        oidc.close(),
        fulcio.close(),
        rekor.close(),
        tsa.close(),
        tuf.close(),
        real?.rekorV2.close(),
        real?.tsa.close(),
        closeFulcio(real?.fulcio)
      ])
    }
  }
}
