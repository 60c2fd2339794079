'use client'

import type { ComponentProps } from 'react'

/** A select that submits its form on change; without JavaScript the form's button does it. */
export function AutoSubmitSelect(props: ComponentProps<'select'>) {
  return <select {...props} onChange={(event) => event.currentTarget.form?.requestSubmit()} />
}
