// Licenses from machine-readable (DEP-5) /usr/share/doc/<pkg>/copyright files, the way Syft reads them.

const FORMAT_HEADER = /^Format:\s*https?:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\//
const CLAUSES = [
  /^License: (\S*)/,
  /\/usr\/share\/common-licenses\/([0-9A-Za-z_.-]+)/,
  /^\s*(LICENSE AGREEMENT(?: FOR .+?)?)\s*$/i
]

function singleLicense(candidate: string): string | undefined {
  const value = candidate.replace(/\n/g, ' ').trim()
  if (value.includes('NVIDIA Software License Agreement')) return value.replace(/\.$/, '')
  if (value.includes(' or ') || value.includes(' and ')) return undefined
  if (value === '' || value.toLowerCase() === 'none') return undefined
  return value.replace(/\.$/, '')
}

/** Sorted, distinct license names; none when the file is not DEP-5 (Syft then guesses from text, we don't). */
export function parseDebCopyright(text: string): string[] {
  const found = new Set<string>()
  let verified = false
  let heading: 'heading' | 'dashes' | 'blanks' | 'capture' | 'done' = 'heading'
  let licenseText = ''
  for (const line of text.split('\n')) {
    if (!verified) {
      if (line.trim() === '') continue
      if (!FORMAT_HEADER.test(line)) return []
      verified = true
    }
    for (const pattern of CLAUSES) {
      const m = pattern.exec(line)
      const value = m ? singleLicense(m[1]!) : undefined
      if (value) found.add(value)
    }
    // A "LICENSE AGREEMENT" heading underlined with dashes names the license in its first sentence.
    if (heading === 'heading') heading = line.trim() !== '' ? 'dashes' : 'done'
    else if (heading === 'dashes') {
      const t = line.trim()
      heading = t.length > 0 && /^-+$/.test(t) ? 'blanks' : 'done'
    } else if (heading === 'blanks' || heading === 'capture') {
      if (heading === 'blanks' && line.trim() === '') continue
      licenseText += heading === 'capture' ? ' ' + line : line
      heading = 'capture'
      const dot = licenseText.indexOf('.')
      if (dot >= 0) {
        const value = singleLicense(licenseText.slice(0, dot + 1))
        if (value) found.add(value)
        heading = 'done'
      }
    }
  }
  return [...found].sort()
}
