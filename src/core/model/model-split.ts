/** Which rows (indexes into the table's data rows, ascending) train the model and which test it. */
export type ModelSplit = { train: number[]; test: number[] }
