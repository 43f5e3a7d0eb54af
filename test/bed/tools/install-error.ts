// One failure of the installer: what could not be installed, why, and the command to do it by hand.
export class InstallError extends Error {
  readonly code = 'TESTBED_INSTALL_FAILED'
  constructor(
    readonly tool: string,
    reason: string,
    readonly byHand: string,
    options?: { cause?: unknown }
  ) {
    super(`could not install ${tool}: ${reason}\n  to install it by hand: ${byHand}`, options)
  }
}
