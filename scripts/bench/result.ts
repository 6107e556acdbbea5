/** One row of the results table: a budget of PRODUCT.md §6 and what this run measured. */
export interface Row {
  id: string;
  measure: string;
  /** What was measured, formatted; "not measured" when it could not be taken. */
  measured: string;
  budget: string;
  /** null: the measurement could not be taken (counts as a miss). */
  pass: boolean | null;
}

/** Notes on method and raw samples, printed under the table. */
export interface Measured {
  rows: Row[];
  notes: string[];
}

export function notMeasured(id: string, measure: string, budget: string, why: string): Measured {
  return { rows: [{ id, measure, measured: 'not measured', budget, pass: null }], notes: [`${id}: not measured — ${why}`] };
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
