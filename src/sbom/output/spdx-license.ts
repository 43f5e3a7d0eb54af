// Declared licenses as one SPDX expression, as Syft writes them: known ids and valid expressions as they are,
// anything else as a LicenseRef- that the document then defines (hasExtractedLicensingInfos).
import { SPDX } from '@cyclonedx/cyclonedx-library'

export interface ExtractedLicense {
  licenseId: string
  extractedText: string
  name: string
}

const OPERATOR = /^(AND|OR|WITH)$/

function knownId(text: string): string | undefined {
  const id = SPDX.fixupSpdxId(text.trim())
  return id && SPDX.isSupportedSpdxId(id) ? id : undefined
}

/** "MIT OR (Apache-2.0 WITH LLVM-exception)" with every license a known id (exceptions are not checked). */
function validExpression(text: string): boolean {
  const tokens = text.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean)
  if (tokens.length < 3) return false
  return tokens.every(
    (t, i) => OPERATOR.test(t) || tokens[i - 1] === 'WITH' || !!knownId(t) || t.startsWith('LicenseRef-')
  )
}

/** SPDX element-id characters only: letters, digits, "." and "-". */
export function licenseRef(name: string): string {
  const id = name.startsWith('LicenseRef-') ? name : `LicenseRef-${name}`
  return id.replace(/[^A-Za-z0-9.-]/g, '-')
}

/** The declared-license expression, and the LicenseRef- definitions it needs; NOASSERTION when none. */
export function declaredLicense(licenses: string[] | undefined): {
  expression: string
  extracted: ExtractedLicense[]
} {
  const parts: string[] = []
  const extracted: ExtractedLicense[] = []
  for (const raw of new Set((licenses ?? []).map(l => l.trim()).filter(Boolean))) {
    const id = knownId(raw)
    if (id) parts.push(id)
    else if (validExpression(raw)) parts.push(raw.startsWith('(') && raw.endsWith(')') ? raw : `(${raw})`)
    else {
      const ref = licenseRef(raw)
      parts.push(ref)
      extracted.push({ licenseId: ref, extractedText: 'NOASSERTION', name: raw })
    }
  }
  const unique = [...new Set(parts)]
  return { expression: unique.length ? unique.join(' AND ') : 'NOASSERTION', extracted }
}
