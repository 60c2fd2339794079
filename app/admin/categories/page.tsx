import type { Metadata } from 'next'
import { CategoryRow, CreateCategoryForm } from '@/components/admin/category-forms'
import { EmptyState, PageHeader, Panel } from '@/components/admin/ui'
import { allCategories, productCountsByCategory } from '@/lib/admin/categories/queries'
import { requireAdmin } from '@/lib/auth/session'
import { childrenOf, flattenTree } from '@/lib/catalog/category-tree'

export const metadata: Metadata = { title: 'Categories' }
export const instant = false

export default async function AdminCategoriesPage() {
  await requireAdmin('/admin/categories')
  const [categories, counts] = await Promise.all([allCategories(), productCountsByCategory()])
  const tree = flattenTree(categories)
  const parents = tree.map(({ category, depth }): [string, string] => [String(category.id), `${'— '.repeat(depth)}${category.name}`])
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Categories" />
      <Panel title="New category">
        <CreateCategoryForm parents={parents} />
      </Panel>
      {tree.length === 0 ? (
        <EmptyState>No categories yet.</EmptyState>
      ) : (
        <ul className="flex flex-col gap-2" aria-label="Category tree">
          {tree.map(({ category, depth }) => {
            const siblings = childrenOf(categories, category.parentId)
            return (
              <CategoryRow
                key={category.id}
                parents={parents}
                category={{
                  id: category.id,
                  name: category.name,
                  slug: category.slug,
                  description: category.description,
                  parentId: category.parentId,
                  depth,
                  productCount: counts.get(category.id) ?? 0,
                  childCount: childrenOf(categories, category.id).length,
                  first: siblings[0]?.id === category.id,
                  last: siblings.at(-1)?.id === category.id,
                }}
              />
            )
          })}
        </ul>
      )}
    </div>
  )
}
