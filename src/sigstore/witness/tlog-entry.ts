// Rekor v1 answers → the bundle's TransparencyLogEntry, and back to cosign's tag-layout "bundle" annotation.
import type { TransparencyLogEntry } from '@sigstore/bundle'
import type { RekorEntry } from './rekor-client.js'

export function toTransparencyLogEntry(entry: RekorEntry): TransparencyLogEntry {
  const body = JSON.parse(Buffer.from(entry.body, 'base64').toString('utf8')) as {
    kind: string
    apiVersion: string
  }
  const proof = entry.verification?.inclusionProof
  const set = entry.verification?.signedEntryTimestamp
  return {
    logIndex: String(entry.logIndex),
    logId: { keyId: Buffer.from(entry.logID, 'hex') },
    kindVersion: { kind: body.kind, version: body.apiVersion },
    integratedTime: String(entry.integratedTime),
    inclusionPromise: set ? { signedEntryTimestamp: Buffer.from(set, 'base64') } : undefined,
    inclusionProof: proof
      ? {
          logIndex: String(proof.logIndex),
          rootHash: Buffer.from(proof.rootHash, 'hex'),
          treeSize: String(proof.treeSize),
          hashes: proof.hashes.map(h => Buffer.from(h, 'hex')),
          checkpoint: { envelope: proof.checkpoint }
        }
      : undefined,
    canonicalizedBody: Buffer.from(entry.body, 'base64')
  }
}

/** cosign's `dev.sigstore.cosign/bundle` value: capitalised outer keys, numbers as numbers, logID hex. */
export function toCosignRekorBundle(entry: TransparencyLogEntry): string {
  if (!entry.inclusionPromise)
    throw new Error(`Rekor entry ${entry.logIndex} has no SET; the tag layout needs one`)
  return JSON.stringify({
    SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp.toString('base64'),
    Payload: {
      body: entry.canonicalizedBody.toString('base64'),
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: entry.logId?.keyId.toString('hex') ?? ''
    }
  })
}
