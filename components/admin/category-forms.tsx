'use client'

import { useActionState } from 'react'
import { FormMessage, SelectField, SubmitButton, TextField } from '@/components/ui/form'
import type { ActionState } from '@/lib/action-state'
import { createCategoryAction, deleteCategoryAction, moveCategoryAction, updateCategoryAction } from '@/lib/admin/categories/actions'
import { pluralize } from '@/lib/plural'

type Option = [string, string]

export function CreateCategoryForm({ parents }: { parents: Option[] }) {
  const [state, action] = useActionState<ActionState, FormData>(createCategoryAction, null)
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField label="Name" name="name" state={state} maxLength={100} />
        <TextField label="Slug" name="slug" state={state} hint="Empty: made from the name." maxLength={80} />
        <SelectField label="Parent" name="parentId" state={state} options={parents} placeholder="None (top level)" />
      </div>
      <div>
        <SubmitButton pendingLabel="Creating…">Create category</SubmitButton>
      </div>
    </form>
  )
}

export type CategoryRowData = {
  id: number
  name: string
  description: string
  parentId: number | null
  slug: string
  depth: number
  productCount: number
  childCount: number
  first: boolean
  last: boolean
}

export function CategoryRow({ category, parents }: { category: CategoryRowData; parents: Option[] }) {
  const [editState, editAction] = useActionState<ActionState, FormData>(updateCategoryAction, null)
  const [moveState, moveAction] = useActionState<ActionState, FormData>(moveCategoryAction, null)
  const [deleteState, deleteAction] = useActionState<ActionState, FormData>(deleteCategoryAction, null)
  const empty = category.productCount === 0 && category.childCount === 0
  const smallButton = 'rounded-full border border-zinc-300 px-3 py-1 text-xs font-semibold hover:bg-zinc-50 disabled:opacity-40'
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3" style={{ marginLeft: `${category.depth * 1.5}rem` }}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <span className="font-medium">{category.name}</span> <span className="text-xs text-zinc-500">/{category.slug}</span>
          <span className="ml-2 text-xs text-zinc-600">
            {pluralize(category.productCount, 'product')}
            {category.childCount > 0 && `, ${pluralize(category.childCount, 'subcategory', 'subcategories')}`}
          </span>
        </div>
        <div className="flex flex-wrap gap-1">
          <form action={moveAction}>
            <input type="hidden" name="id" value={category.id} />
            <input type="hidden" name="direction" value="up" />
            <button type="submit" disabled={category.first} className={smallButton}>
              Up<span className="sr-only"> ({category.name})</span>
            </button>
          </form>
          <form action={moveAction}>
            <input type="hidden" name="id" value={category.id} />
            <input type="hidden" name="direction" value="down" />
            <button type="submit" disabled={category.last} className={smallButton}>
              Down<span className="sr-only"> ({category.name})</span>
            </button>
          </form>
          <form action={deleteAction}>
            <input type="hidden" name="id" value={category.id} />
            <button
              type="submit"
              disabled={!empty}
              title={empty ? undefined : 'Only an empty category can be deleted'}
              className={`${smallButton} text-red-700`}
            >
              Delete<span className="sr-only"> {category.name}</span>
            </button>
          </form>
        </div>
      </div>
      {moveState?.ok === false && <FormMessage state={moveState} />}
      <FormMessage state={deleteState} />
      <details>
        <summary className="cursor-pointer text-sm font-medium text-brand-700">
          Edit<span className="sr-only"> {category.name}</span>
        </summary>
        <form action={editAction} className="mt-3 flex flex-col gap-3" noValidate>
          <input type="hidden" name="id" value={category.id} />
          <FormMessage state={editState} />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label="Name" name="name" state={editState} defaultValue={category.name} maxLength={100} />
            <SelectField
              label="Parent"
              name="parentId"
              state={editState}
              options={parents.filter(([value]) => value !== String(category.id))}
              defaultValue={category.parentId ? String(category.parentId) : ''}
              placeholder="None (top level)"
            />
          </div>
          <TextField label="Description" name="description" state={editState} defaultValue={category.description} maxLength={2000} />
          <div>
            <SubmitButton pendingLabel="Saving…" size="sm">
              Save category
            </SubmitButton>
          </div>
        </form>
      </details>
    </li>
  )
}
