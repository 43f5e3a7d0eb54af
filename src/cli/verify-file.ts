// `oci-attest verify FILE --bundle B [--bundle B2…]`: a file's sign-blob signature and statements, from bundle files.
import { readFile } from 'node:fs/promises'
import { errorText } from '../errors/index.js'
import { BundleVerifier } from '../sigstore/verify/bundle-verifier.js'
import type { ExpectedIdentity } from '../sigstore/verify/bundle-verifier.js'
import { loadTrustMaterial } from '../sigstore/verify/trust.js'
import { verifyFileBundle } from '../verify/index.js'
import type { CommandIo } from './attest.js'

export async function verifyFileCommand(
  o: {
    path: string
    bundles: string[]
    identity: ExpectedIdentity
    trustedRoot?: string
    required: string[]
    json: boolean
    /** A kind (predicate type or `signature`) → signature, provenance, sbom or undefined. */
    classify: (kind: string) => string | undefined
  },
  io: CommandIo
): Promise<number> {
  let file: Buffer
  try {
    file = await readFile(o.path)
  } catch (err) {
    io.stderr.write(`oci-attest verify: cannot read ${o.path}: ${errorText(err)}\n`)
    return 1
  }
  const verifier = new BundleVerifier(await loadTrustMaterial(o.trustedRoot))
  const found = await Promise.all(
    o.bundles.map(async bundle => {
      try {
        const json = JSON.parse(await readFile(bundle, 'utf8')) as unknown
        return { bundle, ok: true, ...verifyFileBundle(verifier, bundle, json, file, o.identity) }
      } catch (err) {
        return { bundle, ok: false, problem: errorText(err) }
      }
    })
  )
  const verified = new Set(
    found.flatMap(f => (f.ok && 'kind' in f ? [f.kind, o.classify(f.kind) ?? f.kind] : []))
  )
  const missing = o.required.filter(r => !verified.has(r))
  if (o.json)
    io.stdout.write(`${JSON.stringify({ file: o.path, verified: [...verified], missing, found }, null, 2)}\n`)
  else {
    const lines = [o.path]
    for (const f of found)
      lines.push(
        f.ok && 'kind' in f
          ? `  ✓ ${f.kind} (${f.bundle}, Rekor ${f.logIndex ?? '?'}, ${f.san ?? '?'})`
          : `  ✗ ${f.bundle}: ${'problem' in f ? f.problem : ''}`
      )
    lines.push(
      missing.length ? `NOT VERIFIED: no valid ${missing.join(', ')} for this identity` : 'Verified.'
    )
    io.stdout.write(`${lines.join('\n')}\n`)
  }
  if (missing.length)
    io.stderr.write(
      `oci-attest verify: ${o.path} NOT VERIFIED: no valid ${missing.join(', ')} for this identity and issuer\n`
    )
  return missing.length ? 1 : 0
}
