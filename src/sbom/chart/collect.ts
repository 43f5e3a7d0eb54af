// Every image a chart tree can deploy, merged by reference, each with where it was seen and whether the
// defaults deploy it (any default sighting does).
import type { ChartNode } from './chart-tree.js'
import { imageKey, type FoundImage, type ImageSighting } from './image-ref.js'
import { templateImages } from './template-images.js'
import { valuesImages } from './values-images.js'

export function collectImages(root: ChartNode, warn: (m: string) => void): FoundImage[] {
  const byKey = new Map<string, FoundImage>()
  const add = (ref: FoundImage['ref'], sighting: ImageSighting): void => {
    const key = imageKey(ref)
    const found = byKey.get(key) ?? { ref, sightings: [] }
    found.sightings.push(sighting)
    byKey.set(key, found)
  }
  const visit = (chart: ChartNode): void => {
    const scan = valuesImages(chart.values, chart.meta.appVersion)
    for (const i of scan.images)
      add(i.ref, {
        chart: chart.path,
        from: 'values',
        where: i.path + (i.tagFromAppVersion ? ' (tag: appVersion)' : ''),
        byDefault: chart.byDefault && i.byDefault
      })
    for (const path of scan.skipped)
      warn(
        `${chart.path}/values.yaml ${path}: an image entry without a usable repository (set at install time)`
      )
    for (const a of chart.meta.annotationImages)
      add(a.ref, {
        chart: chart.path,
        from: 'annotation',
        where: a.name ?? 'artifacthub.io/images',
        byDefault: undefined
      })
    for (const [file, text] of [...chart.templates].sort(([a], [b]) => (a < b ? -1 : 1)))
      for (const t of templateImages(text, chart.values))
        add(t.ref, {
          chart: chart.path,
          from: 'template',
          where: file,
          byDefault: chart.byDefault ? t.byDefault : false
        })
    for (const sub of chart.subcharts) visit(sub)
  }
  visit(root)
  return [...byKey.values()].sort((a, b) => (imageKey(a.ref) < imageKey(b.ref) ? -1 : 1))
}

/** true when a default sighting deploys it; false when every sighting is off by default; else undefined. */
export function deployedByDefault(image: FoundImage): boolean | undefined {
  if (image.sightings.some(s => s.byDefault === true)) return true
  if (image.sightings.every(s => s.byDefault === false)) return false
  return undefined
}
