// Trust material on disk in the shapes stock clients read: trusted_root.json, signing config, PEMs.
import { writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256, type EcKey } from './keys.js'
import type { CaChain, IssuedCert } from './x509.js'

export interface TrustInputs {
  dir: string
  validFrom: Date
  fulcio: { url: string; ca: CaChain }
  rekor: { url: string; key: EcKey }
  ctlog: { url: string; key: EcKey }
  tsa: { url: string; chain: IssuedCert[] }
  oidcUrl: string
}

export interface TrustFiles {
  trustedRootPath: string
  signingConfigPath: string
  clientTrustConfigPath: string
  fulcioRootsPemPath: string
  rekorPublicKeyPath: string
  ctlogPublicKeyPath: string
  tsaCertChainPath: string
}

const b64 = (b: Buffer): string => b.toString('base64')

function transparencyLog(url: string, key: EcKey, start: string) {
  return {
    baseUrl: url,
    hashAlgorithm: 'SHA2_256',
    publicKey: { rawBytes: b64(key.spki), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
    logId: { keyId: b64(sha256(key.spki)) }
  }
}

export function trustedRoot(t: TrustInputs): Record<string, unknown> {
  const start = t.validFrom.toISOString()
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [transparencyLog(t.rekor.url, t.rekor.key, start)],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.dev', commonName: 'fulcio' },
        uri: t.fulcio.url,
        certChain: {
          certificates: [t.fulcio.ca.intermediate, t.fulcio.ca.root].map(c => ({ rawBytes: b64(c.der) }))
        },
        validFor: { start }
      }
    ],
    ctlogs: [transparencyLog(t.ctlog.url, t.ctlog.key, start)],
    timestampAuthorities: [
      {
        subject: { organization: 'oci-attest test bed', commonName: 'tsa' },
        uri: t.tsa.url,
        certChain: { certificates: t.tsa.chain.map(c => ({ rawBytes: b64(c.der) })) },
        validFor: { start }
      }
    ]
  }
}

export function signingConfig(t: TrustInputs): Record<string, unknown> {
  const service = (url: string) => ({
    url,
    majorApiVersion: 1,
    validFor: { start: t.validFrom.toISOString() },
    operator: 'oci-attest test bed'
  })
  return {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [service(t.fulcio.url)],
    oidcUrls: [service(t.oidcUrl)],
    rekorTlogUrls: [service(t.rekor.url)],
    tsaUrls: [service(t.tsa.url)],
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
    tsaCertChainPath: join(t.dir, 'tsa_chain.pem')
  }
  const root = trustedRoot(t)
  const signing = signingConfig(t)
  // One line ending in a newline: gh reads --custom-trusted-root as JSON lines (cosign, sigstore-python take it too).
  await writeFile(files.trustedRootPath, JSON.stringify(root) + '\n')
  await writeFile(files.signingConfigPath, JSON.stringify(signing, null, 2))
  await writeFile(
    files.clientTrustConfigPath,
    JSON.stringify(
      {
        mediaType: 'application/vnd.dev.sigstore.clienttrustconfig.v0.1+json',
        trustedRoot: root,
        signingConfig: signing
      },
      null,
      2
    )
  )
  await writeFile(files.fulcioRootsPemPath, t.fulcio.ca.intermediate.pem + t.fulcio.ca.root.pem)
  await writeFile(files.rekorPublicKeyPath, t.rekor.key.publicPem)
  await writeFile(files.ctlogPublicKeyPath, t.ctlog.key.publicPem)
  await writeFile(files.tsaCertChainPath, t.tsa.chain.map(c => c.pem).join(''))
  return files
}
