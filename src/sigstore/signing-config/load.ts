// Where a signing config comes from: public good's TUF repository (the same client and cache as its trusted
// root) or a file of a private instance.
import { readFileSync } from 'node:fs'
import { SigstoreError } from '../error.js'
import { publicGoodTarget } from '../tuf.js'
import { parseSigningConfigText } from './document.js'
import type { SigningConfig } from './document.js'

/** public-good: Rekor v1 by default as its maintainers publish it; public-good-rekor-v2: their opt-in. */
export type SigningConfigChoice =
  | { kind: 'public-good' }
  | { kind: 'public-good-rekor-v2' }
  | { kind: 'file'; path: string; config: SigningConfig }

export const PUBLIC_GOOD_TARGETS = {
  'public-good': 'signing_config.v0.2.json',
  'public-good-rekor-v2': 'signing_config_rekor_v2.v0.2.json'
} as const

/** Reads and checks a file now, so a bad document fails with the inputs, before any request. */
export function readSigningConfigFile(path: string): SigningConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new SigstoreError(
      'SIGNING_CONFIG_INVALID',
      `signing config ${path} cannot be read (${(cause as NodeJS.ErrnoException).code ?? 'error'}): give the signing_config.json of your Sigstore instance, public-good or public-good-rekor-v2`,
      { cause }
    )
  }
  return parseSigningConfigText(text, path)
}

export async function loadSigningConfig(
  choice: SigningConfigChoice,
  target: (name: string) => Promise<string> = publicGoodTarget
): Promise<SigningConfig> {
  if (choice.kind === 'file') return choice.config
  const name = PUBLIC_GOOD_TARGETS[choice.kind]
  return parseSigningConfigText(await target(name), `${choice.kind} (TUF target ${name})`)
}

export function choiceLabel(choice: SigningConfigChoice): string {
  return choice.kind === 'file' ? choice.path : choice.kind
}
