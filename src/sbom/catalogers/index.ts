// Every ecosystem cataloger, in the order their packages are reported.
import { alpmCataloger } from './alpm.js'
import { apkCataloger } from './apk.js'
import { appleBundleCataloger } from './apple.js'
import { binaryClassifierCataloger } from './binary-classifier.js'
import { bitnamiCataloger } from './bitnami.js'
import { conanInfoCataloger } from './conan.js'
import { dotnetDepsCataloger } from './dotnet.js'
import { dotnetPackagesLockCataloger } from './dotnet-lock.js'
import { dpkgCataloger } from './dpkg.js'
import { elfPackageNoteCataloger } from './elf-package-note.js'
import { goBinaryCataloger } from './go-binary.js'
import { ggufCataloger } from './gguf.js'
import { javaArchiveCataloger } from './java.js'
import { homebrewCataloger } from './homebrew.js'
import { jvmCataloger } from './jvm.js'
import { linuxKernelCataloger } from './kernel.js'
import { luaRockCataloger } from './lua.js'
import { nixCataloger } from './nix.js'
import { npmCataloger } from './npm.js'
import { peCataloger } from './pe.js'
import { perlCpanCataloger } from './perl.js'
import { portageCataloger } from './portage.js'
import { composerInstalledCataloger, pearCataloger } from './php.js'
import { phpInterpreterCataloger } from './php-interpreter.js'
import { pythonCataloger } from './python.js'
import { rPackageCataloger } from './r.js'
import { rpmCataloger } from './rpm.js'
import { rubyGemspecCataloger } from './ruby.js'
import { rustAuditCataloger } from './rust.js'
import { snapCataloger } from './snap.js'
import type { Cataloger } from './types.js'
import { wordpressPluginCataloger } from './wordpress.js'

export { dropBinariesOwnedByOsPackages } from './binary-classifier.js'
export { dependencyScope } from './dependency-scope.js'
export { osReleaseCataloger, parseOsRelease } from './os-release.js'
export type * from './types.js'

export function allCatalogers(): Cataloger[] {
  return [
    dpkgCataloger,
    rpmCataloger,
    apkCataloger,
    goBinaryCataloger,
    rustAuditCataloger,
    pythonCataloger,
    npmCataloger,
    javaArchiveCataloger,
    binaryClassifierCataloger,
    elfPackageNoteCataloger,
    peCataloger,
    rubyGemspecCataloger,
    rPackageCataloger,
    composerInstalledCataloger,
    pearCataloger,
    linuxKernelCataloger,
    dotnetDepsCataloger,
    bitnamiCataloger,
    luaRockCataloger,
    perlCpanCataloger,
    alpmCataloger,
    portageCataloger,
    jvmCataloger,
    conanInfoCataloger,
    wordpressPluginCataloger,
    homebrewCataloger,
    phpInterpreterCataloger,
    nixCataloger,
    dotnetPackagesLockCataloger,
    snapCataloger,
    appleBundleCataloger,
    ggufCataloger
  ]
}
