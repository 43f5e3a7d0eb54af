// WordPress plugins: the header comment of the PHP files directly inside wp-content/plugins/<plugin>/
// ("Plugin Name:", "Version:", "License:", "Author:", "Author URI:"), read from each file's first 4 KiB.
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const WORDPRESS_CATALOGER = 'wordpress-plugins-cataloger'
const HEADER_BYTES = 4096
const CAP = 64 * 1024 * 1024

// RE2's \s is [\t\n\f\r ]; `.` stops at a newline in both dialects.
const FIELD = {
  name: /plugin name:[\t\n\f\r ]*(.+)/i,
  version: /version:[\t\n\f\r ]*([\d.]+)/i,
  license: /license:[\t\n\f\r ]*(\w+)/i,
  author: /author:[\t\n\f\r ]*(.+)/i,
  authorUri: /author uri:[\t\n\f\r ]*(.+)/i
}

/** `/…/wp-content/plugins/<plugin>/<file>.php` only (not the plugins directory itself, not deeper). */
function isPluginFile(path: string): boolean {
  const parts = path.split('/')
  return (
    parts.length >= 5 && path.endsWith('.php') && parts.at(-3) === 'plugins' && parts.at(-4) === 'wp-content'
  )
}

export function pluginHeader(text: string): Partial<Record<keyof typeof FIELD, string>> {
  const out: Partial<Record<keyof typeof FIELD, string>> = {}
  for (const [key, pattern] of Object.entries(FIELD) as Array<[keyof typeof FIELD, RegExp]>) {
    const value = pattern.exec(text)?.[1]?.trim()
    if (value) out[key] = value
  }
  return out
}

export const wordpressPluginCataloger: Cataloger = {
  name: WORDPRESS_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isPluginFile(file.path),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    const header = pluginHeader(file.data.subarray(0, HEADER_BYTES).toString('utf8'))
    // A plugin's main file names it and its version; its other PHP files do not.
    if (!header.name || !header.version) return []
    const pkg: Package = {
      name: header.name,
      version: header.version,
      type: 'wordpress-plugin',
      // Syft gives WordPress plugins no purl (there is no purl type for them).
      purl: '',
      foundBy: WORDPRESS_CATALOGER,
      locations: [file.path],
      metadata: {
        pluginInstallDirectory: file.path.split('/').at(-2)!,
        ...(header.author ? { author: header.author } : {}),
        ...(header.authorUri ? { authorUri: header.authorUri } : {})
      }
    }
    if (header.license) pkg.licenses = [header.license]
    return [pkg]
  }
}
