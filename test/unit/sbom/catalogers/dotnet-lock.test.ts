import { describe, expect, it } from '@jest/globals'
import {
  dotnetPackagesLockCataloger,
  parsePackagesLock
} from '../../../../src/sbom/catalogers/dotnet-lock.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { dotnetLockRootfs, LOCK_PATH } from '../../../fixtures/sbom/dotnet-lock.js'
import { scanDir } from './scan-dir.js'

describe('dotnet-packages-lock-cataloger', () => {
  it('reports each package once per resolved version, the most direct kind winning, with edges per framework', async () => {
    const { packages, warnings } = await scanDir(await dotnetLockRootfs(), [dotnetPackagesLockCataloger])
    expect(warnings).toEqual([])
    const rows = packages.map(p => `${p.name}@${p.version} ${p.purl} ${p.metadata!['lockType']}`).sort()
    expect(rows).toEqual([
      'Microsoft.NETCore.App.Runtime.linux-x64@8.0.10 pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@8.0.10 Direct',
      // The Transitive lower-case spelling in the runtime section folds into the Direct one.
      'Newtonsoft.Json@13.0.1 pkg:nuget/Newtonsoft.Json@13.0.1 Direct',
      'Newtonsoft.Json@13.0.3 pkg:nuget/Newtonsoft.Json@13.0.3 Direct',
      'Serilog.AspNetCore@7.0.0 pkg:nuget/Serilog.AspNetCore@7.0.0 Direct',
      'Serilog.AspNetCore@8.0.1 pkg:nuget/Serilog.AspNetCore@8.0.1 Direct',
      'Serilog.Sinks.Console@5.0.0 pkg:nuget/Serilog.Sinks.Console@5.0.0 Transitive',
      'Serilog@3.1.1 pkg:nuget/Serilog@3.1.1 Transitive',
      'System.Text.Json@8.0.5 pkg:nuget/System.Text.Json@8.0.5 CentralTransitive',
      'api.domain@UNKNOWN pkg:nuget/api.domain Project',
      'runtime.native.System@4.3.0 pkg:nuget/runtime.native.System@4.3.0 Transitive'
    ])
    for (const p of packages) expect(p).toMatchObject({ type: 'dotnet', locations: [LOCK_PATH] })
    const label = (i: number) => `${packages[i]!.name}@${packages[i]!.version}`
    const edges = [...resolveDependencies(packages)].flatMap(([from, to]) =>
      to.map(t => `${label(from)} -> ${label(t)}`)
    )
    expect(edges.sort()).toEqual([
      // An edge names a range's lower bound; it reaches what its own framework resolved.
      'Serilog.AspNetCore@7.0.0 -> Serilog.Sinks.Console@5.0.0',
      'Serilog.AspNetCore@7.0.0 -> Serilog@3.1.1',
      'Serilog.AspNetCore@8.0.1 -> Serilog.Sinks.Console@5.0.0',
      'Serilog.AspNetCore@8.0.1 -> Serilog@3.1.1',
      'Serilog.Sinks.Console@5.0.0 -> Serilog@3.1.1',
      'api.domain@UNKNOWN -> Newtonsoft.Json@13.0.1',
      'api.domain@UNKNOWN -> Newtonsoft.Json@13.0.3',
      'api.domain@UNKNOWN -> System.Text.Json@8.0.5',
      // From the runtime section into its framework's: 13.0.3 is what the runtime section itself resolved.
      'runtime.native.System@4.3.0 -> Newtonsoft.Json@13.0.3'
    ])
  })

  it('drops an edge that resolves in no framework, and a self-reference', () => {
    const text = JSON.stringify({
      dependencies: {
        'net8.0': { A: { type: 'Direct', resolved: '1.0.0', dependencies: { a: '1.0.0', Gone: '2.0.0' } } }
      }
    })
    const [pkg, ...rest] = parsePackagesLock(text, '/x/packages.lock.json')
    expect(rest).toEqual([])
    expect(pkg!.dependsOn).toBeUndefined()
  })

  it('warns about a file that is not JSON and reports nothing', async () => {
    const warnings: string[] = []
    const file = {
      path: '/x/packages.lock.json',
      size: 3,
      mode: 0o644,
      data: Buffer.from('{x'),
      layer: { index: 0, diffId: 'd' }
    }
    expect(await dotnetPackagesLockCataloger.parse(file, { warn: m => warnings.push(m) })).toEqual([])
    expect(warnings).toHaveLength(1)
  })
})
