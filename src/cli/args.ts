// Command-line parsing shared by the commands: Node's parseArgs, with its errors worded for a terminal user.
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { CodedError, errorText } from '../errors/index.js'

/** A bad command line: the command prints it with its usage and exits 2. */
export class UsageError extends CodedError<'USAGE'> {
  constructor(message: string) {
    super('USAGE', message)
    this.name = 'UsageError'
  }
}

/** parseArgs, throwing UsageError with a message that names the flag and what would fix it. */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (err) {
    throw new UsageError(flagProblem(err))
  }
}

function flagProblem(err: unknown): string {
  const { code, message } = err as { code?: string; message?: string }
  const text = message ?? errorText(err)
  // Node quotes the flag in single quotes; its own advice for '-'-leading positionals has an unbalanced quote.
  const flag = /'(-[^' ]*)/.exec(text)?.[1]
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${flag ?? text}`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return text.includes('argument missing')
        ? `option ${flag} needs a value (${flag} VALUE)`
        : `option ${flag} takes no value`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(text)?.[1] ?? text}`
    default:
      return text
  }
}

/** Node 24 brings node:sqlite and zstd, which `sbom` and `attest` need; an older Node fails obscurely without this. */
export function nodeVersionProblem(version: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1])
  if (major >= 24) return undefined
  return `oci-attest needs Node 24 or newer (found ${version.replace(/^v/, '')}): install Node 24 from https://nodejs.org or with a version manager (\`nvm install 24\`); in a checkout of oci-attest, \`npm ci\` puts Node 24 in node_modules/.bin`
}
