import 'server-only'
import { and, asc, eq, sql } from 'drizzle-orm'
import { db } from '@/db/client'
import { productImages, products } from '@/db/schema'
import type { AccountUser } from '@/lib/auth/users'
import { recordAudit } from '../audit'
import { detectImageType, imageProblem } from '../uploads/image-type'
import { removeStoredImage, storeImage } from '../uploads/storage'

type Actor = Pick<AccountUser, 'id' | 'email'>
type Result = { ok: true; slug: string; message: string } | { ok: false; error: string; fieldErrors?: Record<string, string[]> }

export const MAX_IMAGES_PER_UPLOAD = 4

/**
 * Checks every file first (size, and type by magic bytes), so one bad file stores nothing;
 * then stores the files and adds them after the product's current images in one transaction.
 */
export async function addProductImages(actor: Actor, productId: number, files: { name: string; bytes: Uint8Array }[], alt: string): Promise<Result> {
  if (files.length === 0) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { images: ['Choose at least one image.'] } }
  if (files.length > MAX_IMAGES_PER_UPLOAD)
    return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { images: [`Upload at most ${MAX_IMAGES_PER_UPLOAD} images at a time.`] } }
  const problems = files.map((file) => imageProblem(file.name, file.bytes)).filter((problem) => problem !== null)
  if (problems.length > 0) return { ok: false, error: 'Please correct the highlighted fields.', fieldErrors: { images: problems } }
  const [product] = await db.select({ slug: products.slug, name: products.name }).from(products).where(eq(products.id, productId))
  if (!product) return { ok: false, error: 'That product no longer exists.' }

  const urls: string[] = []
  for (const file of files) {
    const extension = detectImageType(file.bytes)
    if (extension) urls.push(await storeImage(file.bytes, extension))
  }
  try {
    await db.transaction(async (tx) => {
      const [last] = await tx
        .select({ position: sql<number>`coalesce(max(${productImages.position}), -1)::int` })
        .from(productImages)
        .where(eq(productImages.productId, productId))
      const start = (last?.position ?? -1) + 1
      const rows = await tx
        .insert(productImages)
        .values(urls.map((url, index) => ({ productId, url, alt: alt || product.name, position: start + index })))
        .returning()
      await recordAudit(tx, { actor, action: 'product.images_add', entityType: 'product', entityId: productId, before: null, after: rows })
    })
  } catch (error) {
    await Promise.all(urls.map(removeStoredImage))
    throw error
  }
  return { ok: true, slug: product.slug, message: urls.length === 1 ? 'Image added.' : `${urls.length} images added.` }
}

export async function listProductImages(productId: number) {
  return db.select().from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.position), asc(productImages.id))
}

export type ImageIntent = { kind: 'save' } | { kind: 'up' | 'down' | 'delete'; imageId: number }

/** Saves alt texts, and moves or deletes one image, renumbering positions 0…n-1. */
export async function manageProductImages(actor: Actor, productId: number, intent: ImageIntent, alts: Map<number, string>): Promise<Result> {
  const removed: string[] = []
  const result = await db.transaction(async (tx): Promise<Result> => {
    const [product] = await tx.select({ slug: products.slug }).from(products).where(eq(products.id, productId)).for('update')
    if (!product) return { ok: false, error: 'That product no longer exists.' }
    const before = await tx.select().from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.position), asc(productImages.id))
    const order = before.map((image) => image.id)
    let message = 'Images saved.'
    if (intent.kind !== 'save') {
      const index = order.indexOf(intent.imageId)
      if (index === -1) return { ok: false, error: 'That image no longer exists.' }
      if (intent.kind === 'delete') {
        order.splice(index, 1)
        await tx.delete(productImages).where(and(eq(productImages.id, intent.imageId), eq(productImages.productId, productId)))
        removed.push(before[index]?.url ?? '')
        message = 'Image removed.'
      } else {
        const target = intent.kind === 'up' ? index - 1 : index + 1
        if (target >= 0 && target < order.length) {
          ;[order[index], order[target]] = [order[target] ?? 0, order[index] ?? 0]
        }
        message = 'Image moved.'
      }
    }
    for (const [position, id] of order.entries()) {
      const current = before.find((image) => image.id === id)
      const alt = (alts.get(id) ?? current?.alt ?? '').trim().slice(0, 300)
      if (current && (current.position !== position || current.alt !== alt)) {
        await tx
          .update(productImages)
          .set({ position, alt })
          .where(and(eq(productImages.id, id), eq(productImages.productId, productId)))
      }
    }
    const after = await tx.select().from(productImages).where(eq(productImages.productId, productId)).orderBy(asc(productImages.position), asc(productImages.id))
    await recordAudit(tx, { actor, action: `product.images_${intent.kind}`, entityType: 'product', entityId: productId, before, after })
    return { ok: true, slug: product.slug, message }
  })
  if (result.ok) await Promise.all(removed.filter(Boolean).map(removeStoredImage))
  return result
}
