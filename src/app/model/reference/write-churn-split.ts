// Writes the stratified split (test share 0.3, seed 42) that Otklik draws on the bank churn file,
// as data-row indexes from 0 (RowNumber − 1), for churn_reference.py to fit scikit-learn on the
// same rows. Run from the repository root:  npx tsx src/app/model/reference/write-churn-split.ts
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataSet } from '../../../../test/data-sets.ts'
import { readLabel } from '../../../core/model/read-label.ts'
import { splitStratified } from '../../../core/model/split-stratified.ts'
import { readModelTable } from '../read-model-table.ts'

const table = await readModelTable({ path: dataSet('bank-churn-modelling', 'Churn_Modelling.csv') })
const labels = readLabel(table.rows, table.headers.indexOf('Exited'), 'Exited')
const split = splitStratified({ labels: labels.values, testShare: 0.3, seed: 42 })
writeFileSync(join(import.meta.dirname, 'churn_split.json'), `${JSON.stringify({ test_share: 0.3, seed: 42, test: split.test })}\n`)
