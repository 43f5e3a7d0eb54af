import { beforeAll, describe, expect, it } from '@jest/globals'
import { assemblyPackage, assemblyVersion } from '../../../../src/sbom/catalogers/dotnet-pe.js'
import {
  dotnetDepsCataloger,
  dotnetPackages,
  pairAssemblies
} from '../../../../src/sbom/catalogers/dotnet.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { DOTNET_SITE_PACKAGES, dotnetRootfs } from '../../../fixtures/sbom/dotnet.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await dotnetRootfs()
}, 900_000)

describe('dotnet-deps-binary-cataloger on pythonnet', () => {
  it('reports the application and the NuGet packages that bring assemblies, with their dependencies', async () => {
    const { packages, warnings } = await scanDir(await dotnetRootfs(), [dotnetDepsCataloger])
    expect(warnings).toEqual([])
    const runtimeDir = `${DOTNET_SITE_PACKAGES}/pythonnet/runtime`
    const deps = `${runtimeDir}/Python.Runtime.deps.json`
    const fromDeps = packages.filter(p => p.locations[0] === deps)
    // The project itself plus the three packages with runtime assets; build-only packages (SourceLink,
    // compilers, analyzers) and facades with no assets of their own or below them are left out.
    expect(fromDeps.map(p => p.purl)).toEqual([
      'pkg:nuget/Python.Runtime@3.0.3',
      'pkg:nuget/Microsoft.CSharp@4.7.0',
      // Syft's order: "Name/Version" keys sorted, so ".ILGeneration/" before "/".
      'pkg:nuget/System.Reflection.Emit.ILGeneration@4.3.0',
      'pkg:nuget/System.Reflection.Emit@4.3.0'
    ])
    for (const p of packages)
      expect(p).toMatchObject({ type: 'dotnet', foundBy: 'dotnet-deps-binary-cataloger' })
    // Python.Runtime.dll is the project's runtime asset: evidence for that package, not a package of its own.
    expect(byName(packages, 'Python.Runtime').locations).toEqual([deps, `${runtimeDir}/Python.Runtime.dll`])
    // clr_loader's assemblies have no deps.json: each is a package named and versioned by its version resources.
    const clrLoader = packages.filter(p => p.name === 'ClrLoader')
    expect(clrLoader.map(p => [p.version, p.purl, p.locations])).toEqual(
      ['x86', 'amd64']
        .sort()
        .map(arch => [
          '1.0.0.0',
          'pkg:nuget/ClrLoader@1.0.0.0',
          [`${DOTNET_SITE_PACKAGES}/clr_loader/ffi/dlls/${arch}/ClrLoader.dll`]
        ])
    )
    expect(packages.length).toBe(6)
    const edges = resolveDependencies(packages)
    const at = (name: string): number => packages.indexOf(byName(packages, name))
    expect(edges.get(at('Python.Runtime'))).toEqual([at('Microsoft.CSharp'), at('System.Reflection.Emit')])
    expect(edges.get(at('System.Reflection.Emit'))).toEqual([at('System.Reflection.Emit.ILGeneration')])
  })

  it('keeps asset-less packages when a bundler merged assemblies, and drops bare reference assemblies', () => {
    const doc = {
      targets: {
        'net8.0': {
          'App/1.0.0': { dependencies: { 'Merged.Lib': '2.0.0', 'Costura.Fody': '5.7.0', Ref: '1.0.0' } },
          'Merged.Lib/2.0.0': {},
          'Costura.Fody/5.7.0': {},
          'Ref/1.0.0': { compile: { 'ref/Ref.dll': {} } },
          'Other.Project/1.0.0': { runtime: { 'Other.Project.dll': {} } }
        }
      },
      libraries: {
        'App/1.0.0': { type: 'project' },
        'Merged.Lib/2.0.0': { type: 'package', path: 'merged.lib/2.0.0', sha512: 'sha512-x' },
        'Costura.Fody/5.7.0': { type: 'package', path: 'costura.fody/5.7.0', sha512: 'sha512-y' },
        'Ref/1.0.0': { type: 'referenceassembly' },
        'Other.Project/1.0.0': { type: 'project' }
      }
    }
    expect(dotnetPackages(doc, '/app/App.deps.json').map(p => p.name)).toEqual([
      'App',
      'Costura.Fody',
      'Merged.Lib'
    ])
  })

  it('chooses the version Syft chooses from ProductVersion and FileVersion', () => {
    const v = (fields: Record<string, string>) => assemblyVersion(new Map(Object.entries(fields)))
    expect(v({ ProductVersion: '1.0.0', FileVersion: '1.0.0.0' })).toBe('1.0.0.0') // equal: the more detailed
    expect(v({ ProductVersion: '2.1.0', FileVersion: '2.0.5.0' })).toBe('2.1.0') // the greater
    expect(v({ ProductVersion: '3.0.0-beta1+abc', FileVersion: '3.0.0.0' })).toBe('3.0.0.0')
    // Microsoft's FileVersion is a build stamp: the shorter ProductVersion of the same major.minor wins.
    expect(
      v({
        CompanyName: 'Microsoft Corporation',
        ProductVersion: '8.0.1+bf5e279',
        FileVersion: '8.0.123.58001'
      })
    ).toBe('8.0.1')
    expect(v({ ProductVersion: 'abc', FileVersion: '' })).toBe('abc')
  })

  it('folds shared-framework DLLs into one Microsoft.NETCore.App per version and pairs assets with deps.json', () => {
    const fw = '/usr/share/dotnet/shared/Microsoft.NETCore.App/8.0.1'
    const none = new Map<string, string>()
    const lib = (name: string) =>
      assemblyPackage(
        new Map([
          ['ProductName', name],
          ['ProductVersion', '1.2.3']
        ]),
        `/app/${name}.dll`,
        'x'
      )
    const packages = [
      ...dotnetPackages(
        {
          targets: {
            'net8.0': {
              'App/1.0.0': { runtime: { 'App.dll': {} } },
              'Dep/2.0.0': { runtime: { 'lib/net8.0/Dep.dll': {} } }
            }
          },
          libraries: {
            'App/1.0.0': { type: 'project' },
            'Dep/2.0.0': { type: 'package', sha512: 's', path: 'dep/2.0.0' }
          }
        },
        '/app/App.deps.json'
      ),
      lib('App'),
      lib('Dep'),
      lib('Standalone'),
      assemblyPackage(none, `${fw}/System.Runtime.dll`, 'x'),
      assemblyPackage(none, `${fw}/System.Private.CoreLib.dll`, 'x')
    ]
    pairAssemblies(packages)
    expect(packages.map(p => [p.name, p.version, p.purl, p.locations])).toEqual([
      ['App', '1.0.0', 'pkg:nuget/App@1.0.0', ['/app/App.deps.json', '/app/App.dll']],
      ['Dep', '2.0.0', 'pkg:nuget/Dep@2.0.0', ['/app/App.deps.json', '/app/Dep.dll']],
      ['Standalone', '1.2.3', 'pkg:nuget/Standalone@1.2.3', ['/app/Standalone.dll']],
      ['Microsoft.NETCore.App', '8.0.1', '', [`${fw}/System.Private.CoreLib.dll`, `${fw}/System.Runtime.dll`]]
    ])
  })
})
