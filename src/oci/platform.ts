// How a platform is written everywhere (logs, plans, SBOMs): `os/arch[/variant]`, `unknown` for what is missing.
import type { Platform } from './manifest.js'

export function platformString(p: Partial<Platform> | undefined): string {
  if (!p) return 'unknown/unknown'
  return [p.os || 'unknown', p.architecture || 'unknown', ...(p.variant ? [p.variant] : [])].join('/')
}
