import { beforeAll, describe, expect, it } from '@jest/globals'
import { dotnetDepsCataloger, dotnetPackages } from '../../../../src/sbom/catalogers/dotnet.js'
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
    const deps = `${DOTNET_SITE_PACKAGES}/pythonnet/runtime/Python.Runtime.deps.json`
    // The project itself plus the three packages with runtime assets; build-only packages (SourceLink,
    // compilers, analyzers) and facades with no assets of their own or below them are left out.
    expect(packages.map(p => p.purl)).toEqual([
      'pkg:nuget/Python.Runtime@3.0.3',
      'pkg:nuget/Microsoft.CSharp@4.7.0',
      // Syft's order: "Name/Version" keys sorted, so ".ILGeneration/" before "/".
      'pkg:nuget/System.Reflection.Emit.ILGeneration@4.3.0',
      'pkg:nuget/System.Reflection.Emit@4.3.0'
    ])
    for (const p of packages)
      expect(p).toMatchObject({ type: 'dotnet', foundBy: 'dotnet-deps-binary-cataloger', locations: [deps] })
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
})
