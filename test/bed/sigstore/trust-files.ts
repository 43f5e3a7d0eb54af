// Trust material on disk in the shapes stock clients read: trusted_root.json, signing config, PEMs.
import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pem, sha256, type EcKey } from './keys.js'
import type { CaChain, IssuedCert } from './x509.js'

export interface TrustInputs {
  dir: string
  validFrom: Date
  fulcio: { url: string; ca: CaChain }
  rekor: { url: string; key: EcKey }
  ctlog: { url: string; key: EcKey }
  tsa: { url: string; chain: IssuedCert[] }
  oidcUrl: string
  /** The real servers, when the bed runs them: Rekor v2 (rekor-tiles) and timestamp-authority. */
  real?: {
    rekorV2: { url: string; spki: Buffer; keyId: Buffer }
    tsa: { url: string; timestampUrl: string; chain: Buffer[] }
    /** The real Fulcio (ephemeral CA, chain root last), its CT log and the issuer it trusts. */
    fulcio?: { url: string; chain: Buffer[]; ctlog: { url: string; spki: Buffer }; oidcUrl: string }
  }
}

export interface TrustFiles {
  trustedRootPath: string
  signingConfigPath: string
  clientTrustConfigPath: string
  fulcioRootsPemPath: string
  rekorPublicKeyPath: string
  ctlogPublicKeyPath: string
  tsaCertChainPath: string
  /** Rekor v2 + the real TSA (absent without the real servers). */
  signingConfigRekorV2Path?: string
  clientTrustConfigRekorV2Path?: string
  rekorV2PublicKeyPath?: string
  realTsaCertChainPath?: string
  /** The real Fulcio + Rekor v2 + the real TSA (absent without the real Fulcio). */
  signingConfigRealFulcioPath?: string
  clientTrustConfigRealFulcioPath?: string
  realFulcioRootsPemPath?: string
  realCtlogPublicKeyPath?: string
}

const b64 = (b: Buffer): string => b.toString('base64')

function transparencyLog(url: string, key: EcKey, start: string) {
  return p256Log(url, key.spki, start)
}

function p256Log(url: string, spki: Buffer, start: string) {
  return {
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(spki), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: b64(sha256(spki)) }
  }
}

function rekorV2Log(v2: { url: string; spki: Buffer; keyId: Buffer }, start: string) {
  return {
    baseUrl: v2.url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(v2.spki), keyDetails: 'PKIX_ED25519', validFor: { start } },
    logId: { keyId: b64(v2.keyId) }
  }
}

export function trustedRoot(t: TrustInputs): Record<string, unknown> {
  const start = t.validFrom.toISOString()
  const realTsa = t.real && {
    subject: { organization: 'local', commonName: 'Test TSA Timestamping' },
    uri: t.real.tsa.timestampUrl,
    certChain: { certificates: t.real.tsa.chain.map(der => ({ rawBytes: b64(der) })) },
    validFor: { start }
  }
  const realFulcio = t.real?.fulcio
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    // Both logs in one root: tests pick the log with the signing config, verifiers find it by log ID.
    tlogs: [
      transparencyLog(t.rekor.url, t.rekor.key, start),
      ...(t.real ? [rekorV2Log(t.real.rekorV2, start)] : [])
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.dev', commonName: 'fulcio' },
        uri: t.fulcio.url,
        certChain: {
          certificates: [t.fulcio.ca.intermediate, t.fulcio.ca.root].map(c => ({ rawBytes: b64(c.der) }))
        },
        validFor: { start }
      },
      ...(realFulcio
        ? [
            {
              subject: { organization: 'sigstore', commonName: 'fulcio (ephemeral CA)' },
              uri: realFulcio.url,
              certChain: { certificates: realFulcio.chain.map(der => ({ rawBytes: b64(der) })) },
              validFor: { start }
            }
          ]
        : [])
    ],
    // Verifiers find an SCT's log by its ID, so the stand-in's and TesseraCT's keys sit side by side.
    ctlogs: [
      transparencyLog(t.ctlog.url, t.ctlog.key, start),
      ...(realFulcio ? [p256Log(realFulcio.ctlog.url, realFulcio.ctlog.spki, start)] : [])
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'oci-attest test bed', commonName: 'tsa' },
        uri: t.tsa.url,
        certChain: { certificates: t.tsa.chain.map(c => ({ rawBytes: b64(c.der) })) },
        validFor: { start }
      },
      ...(realTsa ? [realTsa] : [])
    ]
  }
}

/**
 * `rekor: 'v2'` selects rekor-tiles and the real TSA; 'v1' the stand-in log and TSA; 'real' the real Fulcio (and the
 * issuer it trusts), rekor-tiles and the real TSA.
 */
export function signingConfig(t: TrustInputs, rekor: 'v1' | 'v2' | 'real' = 'v1'): Record<string, unknown> {
  const service = (url: string, majorApiVersion = 1) => ({
    url,
    majorApiVersion,
    validFor: { start: t.validFrom.toISOString() },
    operator: 'oci-attest test bed'
  })
  const fulcio = rekor === 'real' ? t.real?.fulcio : undefined
  const v2 = rekor !== 'v1' && t.real
  return {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [service(fulcio ? fulcio.url : t.fulcio.url)],
    oidcUrls: [service(fulcio ? fulcio.oidcUrl : t.oidcUrl)],
    rekorTlogUrls: v2 ? [service(v2.rekorV2.url, 2)] : [service(t.rekor.url)],
    tsaUrls: [service(v2 ? v2.tsa.timestampUrl : t.tsa.url)],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' }
  }
}

export async function writeTrustFiles(t: TrustInputs): Promise<TrustFiles> {
  await mkdir(t.dir, { recursive: true })
  const files: TrustFiles = {
    trustedRootPath: join(t.dir, 'trusted_root.json'),
    signingConfigPath: join(t.dir, 'signing_config.json'),
    clientTrustConfigPath: join(t.dir, 'client_trust_config.json'),
    fulcioRootsPemPath: join(t.dir, 'fulcio_roots.pem'),
    rekorPublicKeyPath: join(t.dir, 'rekor.pub'),
    ctlogPublicKeyPath: join(t.dir, 'ctlog.pub'),
    tsaCertChainPath: join(t.dir, 'tsa_chain.pem'),
    ...(t.real
      ? {
          signingConfigRekorV2Path: join(t.dir, 'signing_config_rekor_v2.json'),
          clientTrustConfigRekorV2Path: join(t.dir, 'client_trust_config_rekor_v2.json'),
          rekorV2PublicKeyPath: join(t.dir, 'rekor_v2.pub'),
          realTsaCertChainPath: join(t.dir, 'timestamp_authority_chain.pem')
        }
      : {}),
    ...(t.real?.fulcio
      ? {
          signingConfigRealFulcioPath: join(t.dir, 'signing_config_real_fulcio.json'),
          clientTrustConfigRealFulcioPath: join(t.dir, 'client_trust_config_real_fulcio.json'),
          realFulcioRootsPemPath: join(t.dir, 'real_fulcio_chain.pem'),
          realCtlogPublicKeyPath: join(t.dir, 'real_ctlog.pub')
        }
      : {})
  }
  const root = trustedRoot(t)
  const signing = signingConfig(t)
  // One line ending in a newline: gh reads --custom-trusted-root as JSON lines (cosign, sigstore-python take it too).
  await writeFile(files.trustedRootPath, JSON.stringify(root) + '\n')
  const clientTrust = (signingConfig: unknown) =>
    JSON.stringify(
      {
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: root,
        signingConfig
      },
      null,
      2
    )
  await writeFile(files.signingConfigPath, JSON.stringify(signing, null, 2))
  await writeFile(files.clientTrustConfigPath, clientTrust(signing))
  if (files.signingConfigRekorV2Path && files.clientTrustConfigRekorV2Path) {
    const v2 = signingConfig(t, 'v2')
    await writeFile(files.signingConfigRekorV2Path, JSON.stringify(v2, null, 2))
    await writeFile(files.clientTrustConfigRekorV2Path, clientTrust(v2))
  }
  if (t.real && files.rekorV2PublicKeyPath && files.realTsaCertChainPath) {
    await writeFile(files.rekorV2PublicKeyPath, pem('PUBLIC KEY', t.real.rekorV2.spki))
    await writeFile(files.realTsaCertChainPath, t.real.tsa.chain.map(der => pem('CERTIFICATE', der)).join(''))
  }
  const realFulcio = t.real?.fulcio
  if (realFulcio && files.signingConfigRealFulcioPath && files.clientTrustConfigRealFulcioPath) {
    const real = signingConfig(t, 'real')
    await writeFile(files.signingConfigRealFulcioPath, JSON.stringify(real, null, 2))
    await writeFile(files.clientTrustConfigRealFulcioPath, clientTrust(real))
  }
  if (realFulcio && files.realFulcioRootsPemPath && files.realCtlogPublicKeyPath) {
    await writeFile(
      files.realFulcioRootsPemPath,
      realFulcio.chain.map(der => pem('CERTIFICATE', der)).join('')
    )
    await writeFile(files.realCtlogPublicKeyPath, pem('PUBLIC KEY', realFulcio.ctlog.spki))
  }
  await writeFile(files.fulcioRootsPemPath, t.fulcio.ca.intermediate.pem + t.fulcio.ca.root.pem)
  await writeFile(files.rekorPublicKeyPath, t.rekor.key.publicPem)
  await writeFile(files.ctlogPublicKeyPath, t.ctlog.key.publicPem)
  await writeFile(files.tsaCertChainPath, t.tsa.chain.map(c => c.pem).join(''))
  return files
}
