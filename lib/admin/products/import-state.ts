import type { ActionState } from '@/lib/action-state'
import type { ImportReport } from './import'

/** The ActionState of the CSV import, with the validation report for the preview and the error list. */
export type ImportState = ActionState<{ report?: ImportReport }>
