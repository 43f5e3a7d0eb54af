// The peer tools the bed installs, pinned: verifying against a moving target would make results unrepeatable.
import { join } from 'node:path'
import { BIN_DIR, REPO_ROOT, TOOLS_DIR, VENV_DIR } from './paths.js'

export interface GoToolPin {
  /** Human name used in messages. */
  label: string
  /** `go install` package path without the version. */
  pkg: string
  version: string
  /** The file `go install` writes into GOBIN. */
  built: string
  /** Final absolute path. */
  path: string
  /** Empty: the binary has no version command, and `go version -m` reads the module version it was built from. */
  versionArgs: string[]
  versionPattern: RegExp
  /**
   * Build inside a throwaway module that requires this one, instead of `go install pkg@version`: that command
   * reads the module's version list for deprecations and aborts when the proxy refuses the list (it does for cli/cli).
   */
  viaModule?: { path: string; goDirective: string; replace?: string[]; ldflags?: string }
}

export const CRANE: GoToolPin = {
  label: 'crane v0.22.1',
  pkg: 'github.com/google/go-containerregistry/cmd/crane',
  version: 'v0.22.1',
  built: 'crane',
  path: join(BIN_DIR, 'crane'),
  versionArgs: ['version'],
  versionPattern: /^v0\.22\.1\s*$/m
}

// `oras pull` writes only titled layers: the check that bundle referrers come out as files. 43 s cold on 2 cores.
export const ORAS: GoToolPin = {
  label: 'oras v1.3.6',
  pkg: 'oras.land/oras/cmd/oras',
  version: 'v1.3.6',
  built: 'oras',
  path: join(BIN_DIR, 'oras-v1.3.6'),
  versionArgs: ['version'],
  versionPattern: /^Version:\s+1\.3\.6\s*$/m
}

export const COSIGN_V3: GoToolPin = {
  label: 'cosign v3.1.2',
  pkg: 'github.com/sigstore/cosign/v3/cmd/cosign',
  version: 'v3.1.2',
  built: 'cosign',
  path: join(BIN_DIR, 'cosign-v3.1.2'),
  versionArgs: ['version'],
  versionPattern: /GitVersion:\s+v3\.1\.2\s*$/m
}

export const COSIGN_V2: GoToolPin = {
  label: 'cosign v2.6.4',
  pkg: 'github.com/sigstore/cosign/v2/cmd/cosign',
  version: 'v2.6.4',
  built: 'cosign',
  path: join(BIN_DIR, 'cosign-v2.6.4'),
  versionArgs: ['version'],
  versionPattern: /GitVersion:\s+v2\.6\.4\s*$/m
}

export const GH: GoToolPin = {
  label: 'gh v2.90.0',
  pkg: 'github.com/cli/cli/v2/cmd/gh',
  version: 'v2.90.0',
  built: 'gh',
  path: join(BIN_DIR, 'gh-v2.90.0'),
  versionArgs: ['--version'],
  // gh takes this from the build info, i.e. the version of the module the main package was compiled from.
  versionPattern: /^gh version 2\.90\.0\s/m,
  viaModule: { path: 'github.com/cli/cli/v2', goDirective: '1.26.1' }
}

export const POLICY_TESTER: GoToolPin = {
  label: 'policy-tester v0.13.1',
  pkg: 'github.com/sigstore/policy-controller/cmd/tester',
  version: 'v0.13.1',
  built: 'tester',
  path: join(BIN_DIR, 'policy-tester-v0.13.1'),
  versionArgs: ['--version'],
  versionPattern: /GitVersion:\s+v0\.13\.1\s*$/m,
  // The module's go.mod has replace directives, which `go install pkg@version` refuses; the build that
  // requires it must repeat the ones that change the compiled code.
  viaModule: {
    path: 'github.com/sigstore/policy-controller',
    goDirective: '1.26.1',
    replace: [
      'github.com/golang/glog => github.com/jdolitsky/glog v0.0.0-20220729172235-78744e90d087',
      'k8s.io/kube-openapi => k8s.io/kube-openapi v0.0.0-20231010175941-2dd684a91f00'
    ]
  }
}

export const KYVERNO: GoToolPin = {
  label: 'kyverno CLI v1.19.1',
  pkg: 'github.com/kyverno/kyverno/cmd/cli/kubectl-kyverno',
  version: 'v1.19.1',
  built: 'kubectl-kyverno',
  path: join(BIN_DIR, 'kyverno-v1.19.1'),
  versionArgs: ['version'],
  versionPattern: /^Version: v1\.19\.1\s*$/m,
  viaModule: {
    path: 'github.com/kyverno/kyverno',
    goDirective: '1.26.6',
    replace: [
      'k8s.io/pod-security-admission => github.com/kyverno/pod-security-admission v0.0.0-20251031094455-46f20778634f'
    ],
    // Kyverno reads its version from the main module, which here is the throwaway one.
    ldflags: '-X github.com/kyverno/kyverno/pkg/version.BuildVersion=v1.19.1'
  }
}

// Rekor v2 (rekor-tiles) with POSIX storage: the bed's real tile log. 149–255 s cold (fresh GOCACHE, warm module
// cache) on 2 loaded cores.
export const REKOR_TILES: GoToolPin = {
  label: 'rekor-tiles v2.3.0 (POSIX)',
  pkg: 'github.com/sigstore/rekor-tiles/v2/cmd/rekor-server/posix',
  version: 'v2.3.0',
  built: 'posix',
  path: join(BIN_DIR, 'rekor-tiles-posix-v2.3.0'),
  versionArgs: ['version'],
  versionPattern: /GitVersion:\s+v2\.3\.0\s*$/m
}

// Fulcio with --ca=ephemeralca: the bed's real CA. 245 s cold (fresh GOCACHE, modules partly downloaded) on 2 cores
// under a load of 4–10.
export const FULCIO: GoToolPin = {
  label: 'fulcio v1.8.8',
  pkg: 'github.com/sigstore/fulcio',
  version: 'v1.8.8',
  built: 'fulcio',
  path: join(BIN_DIR, 'fulcio-v1.8.8'),
  versionArgs: ['version'],
  versionPattern: /GitVersion:\s+v1\.8\.8\s*$/m
}

// TesseraCT's POSIX server, the CT log that gives Fulcio its SCTs (Fulcio's compose files run this version). 93 s cold
// (fresh GOCACHE). It has no version command: `go version -m` reads the module version (see goToolOk).
export const TESSERACT: GoToolPin = {
  label: 'tesseract v0.1.1 (POSIX)',
  pkg: 'github.com/transparency-dev/tesseract/cmd/tesseract/posix',
  version: 'v0.1.1',
  built: 'posix',
  path: join(BIN_DIR, 'tesseract-posix-v0.1.1'),
  versionArgs: [],
  versionPattern: /^\s+mod\s+github\.com\/transparency-dev\/tesseract\s+v0\.1\.1\s/m
}

export const GO_TOOLS: GoToolPin[] = [
  CRANE,
  COSIGN_V3,
  COSIGN_V2,
  GH,
  POLICY_TESTER,
  KYVERNO,
  ORAS,
  REKOR_TILES,
  FULCIO,
  TESSERACT
]

/** A small Go program of ours, built from its source directory; a stamp of the sources says when to rebuild. */
export interface SourceGoTool {
  label: string
  sourceDir: string
  sources: string[]
  path: string
  stampPath: string
}

const sourceTool = (name: string): SourceGoTool => ({
  label: name,
  sourceDir: join(REPO_ROOT, 'test/bed/tools', name),
  sources: ['main.go', 'go.mod', 'go.sum'],
  path: join(BIN_DIR, name),
  stampPath: join(BIN_DIR, `${name}.sha256`)
})

/** OCI 1.1 referrers API registry over CUE's ociregistry. */
export const REFERRERS_REGISTRY = sourceTool('referrers-registry')
/** Fills a TUF_ROOT cache from the bed's TUF mirror as Kyverno's --tufMirror/--tufRoot start-up does. */
export const TUF_INIT = sourceTool('tuf-init')

/**
 * sigstore/timestamp-authority v2.1.3 (pinned in its go.mod) served by our own main: `timestamp-server serve`
 * binds metrics on a fixed :2112, so a second bed on the machine would lose its TSA. 437 s cold (fresh GOCACHE,
 * warm module cache) on 2 cores busy with another Go build.
 */
export const TSA_SERVER = sourceTool('tsa-server')

export const SOURCE_GO_TOOLS: SourceGoTool[] = [REFERRERS_REGISTRY, TUF_INIT, TSA_SERVER]

export const SIGSTORE_PYTHON = {
  label: 'sigstore-python 4.5.1',
  requirement: 'sigstore==4.5.1',
  version: '4.5.1',
  python: join(VENV_DIR, 'bin/python'),
  pip: join(VENV_DIR, 'bin/pip')
}

/** NTIA minimum-elements checker for SPDX 2 documents (its own venv: its spdx-tools pins stay apart). */
export const NTIA_CHECKER = {
  label: 'ntia-conformance-checker 6.0.0',
  requirement: 'ntia-conformance-checker==6.0.0',
  version: '6.0.0',
  python: join(TOOLS_DIR, 'venv-ntia/bin/python'),
  pip: join(TOOLS_DIR, 'venv-ntia/bin/pip'),
  sbomcheck: join(TOOLS_DIR, 'venv-ntia/bin/sbomcheck')
}

/** Debian packages: distribution 2.8 registry, htpasswd (bcrypt) and openssl (token signing certificate). */
export const APT_TOOLS = [
  {
    label: 'docker-registry (distribution 2.8)',
    pkg: 'docker-registry',
    command: 'docker-registry',
    args: ['--version'],
    pattern: /\s(v?)2\.8\./
  },
  {
    label: 'htpasswd',
    pkg: 'apache2-utils',
    command: 'htpasswd',
    args: ['-nbB', 'probe', 'probe'],
    pattern: /^probe:\$2y\$/
  },
  { label: 'openssl', pkg: 'openssl', command: 'openssl', args: ['version'], pattern: /OpenSSL/ }
]
