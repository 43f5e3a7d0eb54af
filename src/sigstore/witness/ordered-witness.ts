// Runs witnesses one after another, in the order given, so a witness that fails stops the ones after it:
// the TSA goes first and Rekor last, because a Rekor entry is public and permanent.
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'

export class OrderedWitness implements Witness {
  readonly #witnesses: readonly Witness[]

  constructor(witnesses: readonly Witness[]) {
    this.#witnesses = witnesses
  }

  async testify(content: SignatureBundle, publicKey: string): Promise<VerificationMaterial> {
    const tlogEntries: NonNullable<VerificationMaterial['tlogEntries']> = []
    const rfc3161Timestamps: NonNullable<VerificationMaterial['rfc3161Timestamps']> = []
    for (const witness of this.#witnesses) {
      const material = await witness.testify(content, publicKey)
      tlogEntries.push(...(material.tlogEntries ?? []))
      rfc3161Timestamps.push(...(material.rfc3161Timestamps ?? []))
    }
    return { tlogEntries, rfc3161Timestamps }
  }
}
