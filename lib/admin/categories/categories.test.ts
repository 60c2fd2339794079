import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import { auditEntries } from '@/lib/testing/admin'
import { createTestUser, expectFailure, formData, signInAs, type TestUser } from '@/lib/testing/auth'
import { createCategoryAction, deleteCategoryAction, moveCategoryAction, updateCategoryAction } from './actions'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))

let admin: TestUser
beforeAll(async () => {
  admin = await createTestUser({ role: 'admin' })
})
beforeEach(() => signInAs(admin))

async function categoryBySlug(slug: string) {
  const [row] = await sql<{ id: number; name: string; parent_id: number | null; position: number }[]>`select id, name, parent_id, position from categories where slug = ${slug}`
  if (!row) throw new Error(`no category ${slug}`)
  return row
}

async function create(name: string, parentId?: number) {
  expect(await createCategoryAction(null, formData({ name, parentId: parentId ? String(parentId) : '' }))).toMatchObject({ ok: true })
}

describe('categories', () => {
  it('creates top-level and nested categories with slugs from their names, at the end of their siblings', async () => {
    await create('Zz Garden Tools')
    const garden = await categoryBySlug('zz-garden-tools')
    expect(garden.parent_id).toBeNull()
    await create('Zz Spades', garden.id)
    await create('Zz Rakes', garden.id)
    expect(await categoryBySlug('zz-spades')).toMatchObject({ parent_id: garden.id, position: 0 })
    expect(await categoryBySlug('zz-rakes')).toMatchObject({ parent_id: garden.id, position: 1 })
    await create('Zz Spades')
    expect((await categoryBySlug('zz-spades-2')).parent_id).toBeNull()
    expect(expectFailure(await createCategoryAction(null, formData({ name: 'X', slug: 'zz-spades' }))).fieldErrors?.slug).toBeDefined()
    expect(expectFailure(await createCategoryAction(null, formData({ name: '' }))).fieldErrors?.name).toBeDefined()
    expect((await auditEntries('category', garden.id))[0]).toMatchObject({ action: 'category.create', actor_email: admin.email })
  })

  it('renames and moves a category, but never into itself or below itself', async () => {
    await create('Kitchen Things')
    const kitchen = await categoryBySlug('kitchen-things')
    await create('Pans', kitchen.id)
    const pans = await categoryBySlug('pans')
    await create('Cast Iron', pans.id)
    const castIron = await categoryBySlug('cast-iron')

    const update = (id: number, name: string, parentId: number | null) => updateCategoryAction(null, formData({ id: String(id), name, parentId: parentId ? String(parentId) : '' }))
    expect(expectFailure(await update(kitchen.id, 'Kitchen', castIron.id)).fieldErrors?.parentId?.[0]).toMatch(/inside itself or one of its own subcategories/)
    expect(expectFailure(await update(kitchen.id, 'Kitchen', kitchen.id)).fieldErrors?.parentId).toBeDefined()
    expect((await categoryBySlug('kitchen-things')).parent_id).toBeNull()

    expect(await update(castIron.id, 'Cast-iron pans', kitchen.id)).toMatchObject({ ok: true })
    expect(await categoryBySlug('cast-iron')).toMatchObject({ name: 'Cast-iron pans', parent_id: kitchen.id, position: 1 })
    expect(await update(kitchen.id, 'Kitchen', null)).toMatchObject({ ok: true })
    expect((await auditEntries('category', kitchen.id)).at(-1)).toMatchObject({ action: 'category.update', before: { name: 'Kitchen Things' }, after: { name: 'Kitchen' } })
  })

  it('reorders siblings', async () => {
    await create('Order Parent')
    const parent = await categoryBySlug('order-parent')
    for (const name of ['First Kid', 'Second Kid', 'Third Kid']) await create(name, parent.id)
    const third = await categoryBySlug('third-kid')
    expect(await moveCategoryAction(null, formData({ id: String(third.id), direction: 'up' }))).toMatchObject({ ok: true })
    const names = async () => (await sql<{ name: string }[]>`select name from categories where parent_id = ${parent.id} order by position`).map((row) => row.name)
    expect(await names()).toEqual(['First Kid', 'Third Kid', 'Second Kid'])
    expect(await moveCategoryAction(null, formData({ id: String(third.id), direction: 'up' }))).toMatchObject({ ok: true })
    expect(await moveCategoryAction(null, formData({ id: String(third.id), direction: 'up' }))).toMatchObject({ ok: true, message: expect.stringMatching(/already first/) })
    expect(await names()).toEqual(['Third Kid', 'First Kid', 'Second Kid'])
  })

  it('deletes only empty categories', async () => {
    await create('Doomed Parent')
    const parent = await categoryBySlug('doomed-parent')
    await create('Doomed Child', parent.id)
    const child = await categoryBySlug('doomed-child')
    expect(expectFailure(await deleteCategoryAction(null, formData({ id: String(parent.id) }))).error).toMatch(/has subcategories/)
    const [{ id: withProducts } = { id: 0 }] = await sql<
      { id: number }[]
    >`select category_id as id from products p where not exists (select 1 from categories c where c.parent_id = p.category_id) limit 1`
    expect(expectFailure(await deleteCategoryAction(null, formData({ id: String(withProducts) }))).error).toMatch(/still has products/)
    expect(await deleteCategoryAction(null, formData({ id: String(child.id) }))).toMatchObject({ ok: true })
    expect(await deleteCategoryAction(null, formData({ id: String(parent.id) }))).toMatchObject({ ok: true })
    expect(await sql`select 1 from categories where id in (${parent.id}, ${child.id})`).toHaveLength(0)
    expect((await auditEntries('category', parent.id)).at(-1)).toMatchObject({ action: 'category.delete', after: null })
  })
})
