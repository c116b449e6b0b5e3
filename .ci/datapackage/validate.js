// Validates a corridor data package with datapackage-js, the Frictionless
// Data reference library for JavaScript: the descriptor against the
// tabular-data-package profile (bundled with the library, so no network),
// then every row of every resource against its table schema: types,
// required, unique, enum and pattern constraints, the primary key and the
// foreign keys. Usage: node validate.js DIR
'use strict'
const path = require('path')
const { Package } = require('datapackage')

async function main (dir) {
  const dp = await Package.load(path.join(dir, 'datapackage.json'), { basePath: dir })
  if (!dp.valid) {
    for (const e of dp.errors) console.error('datapackage.json: ' + e.message)
    return 1
  }
  if (dp.descriptor.profile !== 'tabular-data-package') {
    console.error('datapackage.json: profile is ' + dp.descriptor.profile + ', want tabular-data-package')
    return 1
  }
  let failed = 0
  let rows = 0
  for (const r of dp.resources) {
    if (!r.tabular || !r.valid) {
      for (const e of r.errors) console.error(r.name + ': ' + e.message)
      failed++
      continue
    }
    try {
      const data = await r.read({ relations: true, keyed: true })
      rows += data.length
    } catch (err) {
      const errs = err.multiple ? err.errors : [err]
      for (const e of errs.slice(0, 20)) console.error(r.name + ': ' + (e.rowNumber ? 'row ' + e.rowNumber + ': ' : '') + e.message)
      failed++
    }
  }
  if (failed > 0) return 1
  console.log('valid tabular data package: ' + dp.resources.length + ' resources, ' + rows + ' rows, ' + dp.descriptor.sources.length + ' sources')
  return 0
}

main(process.argv[2]).then(code => { process.exitCode = code }, err => { console.error(err); process.exitCode = 1 })
