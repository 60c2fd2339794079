import 'server-only'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { db, type Executor } from '@/db/client'
import { cartItems, carts, productOptions, productVariants, products } from '@/db/schema'
import { getCurrentUser } from '@/lib/auth/session'
import { productCardColumns } from '@/lib/catalog/queries'
import { lineName, variantTitle } from '@/lib/catalog/variant-options'
import { readGuestCartId, writeGuestCartCookie } from './cookie'
import { unitsHeldByCart } from './held'
import { ensureUserCart, mergeGuestCart } from './merge'
import { priceLines } from '@/lib/pricing/price'
import { defaultShippingWanted, type ShippingQuote, type ShippingWanted } from '@/lib/pricing/quote'
import type { PricingResult } from '@/lib/pricing/types'
import { type CartLineIssue, capQuantity, lineIssue, pricingLines } from './totals'

export type CartLine = {
  productId: number
  variantId: number
  categoryId: number
  slug: string
  /** The product's name; `variantTitle` says which variant ("42 / Black", '' for a product without options). */
  name: string
  variantTitle: string
  sku: string
  /** The variant's shipping weight, for weight-banded shipping methods (null: not weighed). */
  weightGrams: number | null
  imageUrl: string | null
  currency: string
  quantity: number
  unitPriceCents: number
  seenPriceCents: number
  stock: number
  active: boolean
  issue: CartLineIssue | null
}

export type Cart = {
  id: string | null
  lines: CartLine[]
  currency: string
  /** The promotion code the shopper entered, if any (pricing says whether it applies). */
  promotionCode: string | null
  /** Every amount of the cart, from the pricing pipeline (lib/pricing). */
  pricing: PricingResult
  /** The destination's shipping methods and tax rule, or why it cannot ship there. */
  shipping: ShippingQuote
  itemCount: number
}

const emptyPricing: PricingResult = {
  currency: 'USD',
  lines: [],
  subtotalCents: 0,
  discountCents: 0,
  shipping: { methodId: null, name: '', priceCents: 0, freeOverCents: null, discountCents: 0, taxCents: 0, totalCents: 0 },
  shippingCents: 0,
  shippingDiscountCents: 0,
  taxCents: 0,
  taxInclusive: false,
  totalCents: 0,
  promotions: [],
  codeRejection: null,
  notes: [],
}
const emptyCart: Cart = {
  id: null,
  lines: [],
  currency: 'USD',
  promotionCode: null,
  pricing: emptyPricing,
  shipping: { ok: false, destination: defaultShippingWanted.destination, error: 'Your cart is empty.', options: [], taxRule: { mode: 'none' } },
  itemCount: 0,
}

export type CartPricingOptions = {
  /** Whose one-per-customer uses count (the signed-in shopper's or the checkout's email). */
  customerEmail?: string | null
  /** At checkout: lock the code's row (see lib/pricing/price.ts). */
  lockPromotion?: boolean
  /** Price with this code instead of the cart's own (trying a code before saving it). */
  promotionCode?: string | null
  /** Where and how it ships (lib/pricing/quote.ts); default: the home country, the zone's first method. */
  shipping?: ShippingWanted
}

/**
 * The cart of whoever is calling: the signed-in shopper's (merging a leftover guest cart into it),
 * else the guest cart named by the signed cookie. With `create`, a guest without one gets a new
 * cart and its cookie, so only server actions may pass it.
 */
export async function resolveCartId(options: { create: boolean }): Promise<string | null> {
  const [user, guestCartId] = await Promise.all([getCurrentUser(), readGuestCartId()])
  if (user) {
    if (guestCartId) return mergeGuestCart(guestCartId, user.id)
    const [cart] = await db.select({ id: carts.id }).from(carts).where(eq(carts.userId, user.id))
    if (cart) return cart.id
    return options.create ? db.transaction((tx) => ensureUserCart(tx, user.id)) : null
  }
  if (guestCartId) {
    const [cart] = await db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.id, guestCartId), isNull(carts.userId)))
    if (cart) return cart.id
  }
  if (!options.create) return null
  const [cart] = await db.insert(carts).values({}).returning({ id: carts.id })
  if (!cart) throw new Error('could not create a cart')
  await writeGuestCartCookie(cart.id)
  return cart.id
}

/** The cart's lines with current prices and stock, priced by the pipeline. */
export async function loadCart(cartId: string | null, executor: Executor = db, options: CartPricingOptions = {}): Promise<Cart> {
  if (!cartId) return emptyCart
  const rows = await executor
    .select({
      productId: products.id,
      variantId: productVariants.id,
      categoryId: products.categoryId,
      slug: products.slug,
      name: products.name,
      option1: productVariants.option1,
      option2: productVariants.option2,
      option3: productVariants.option3,
      sku: productVariants.sku,
      weightGrams: productVariants.weightGrams,
      // The variant's own image when it has one, else the product's first.
      imageUrl: sql<string | null>`coalesce((select pi.url from product_images pi where pi.id = ${productVariants.imageId}), ${productCardColumns.imageUrl})`,
      currency: products.currency,
      quantity: cartItems.quantity,
      unitPriceCents: productVariants.priceCents,
      seenPriceCents: cartItems.seenPriceCents,
      stock: productVariants.stock,
      active: sql<boolean>`${products.active} and ${productVariants.active}`,
      held: unitsHeldByCart(cartId, productVariants.id),
    })
    .from(cartItems)
    .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
    .innerJoin(products, eq(products.id, cartItems.productId))
    .where(eq(cartItems.cartId, cartId))
    .orderBy(asc(cartItems.addedAt), asc(products.id), asc(productVariants.position), asc(productVariants.id))
  const lines = rows.map(({ held, option1, option2, option3, ...row }) => {
    const line = { ...row, variantTitle: variantTitle({ option1, option2, option3 }), stock: row.stock + held }
    return { ...line, issue: lineIssue(line) }
  })
  const [cart] = await executor.select({ promotionCode: carts.promotionCode }).from(carts).where(eq(carts.id, cartId))
  const currency = lines[0]?.currency ?? 'USD'
  const promotionCode = options.promotionCode !== undefined ? options.promotionCode : (cart?.promotionCode ?? null)
  const { pricing, shipping } = await priceLines(executor, {
    currency,
    lines: pricingLines(lines, currency),
    code: promotionCode,
    customerEmail: options.customerEmail ?? null,
    cartId,
    lock: options.lockPromotion,
    shipping: options.shipping,
  })
  return { id: cartId, lines, currency, promotionCode, pricing, shipping, itemCount: lines.reduce((sum, line) => sum + line.quantity, 0) }
}

/** The caller's cart, priced for where and how it ships (the cart page's choice). */
export async function getCart(shipping?: ShippingWanted): Promise<Cart> {
  const [cartId, user] = await Promise.all([resolveCartId({ create: false }), getCurrentUser()])
  return loadCart(cartId, db, { customerEmail: user?.email ?? null, shipping })
}

export async function cartItemCount(cartId: string | null) {
  if (!cartId) return 0
  const [row] = await db
    .select({ count: sql<number>`coalesce(sum(${cartItems.quantity}), 0)::int` })
    .from(cartItems)
    .where(eq(cartItems.cartId, cartId))
  return row?.count ?? 0
}

export type CartChange = { ok: true; quantity: number; capped: boolean; variantId: number } | { ok: false; error: string; field?: 'variantId' | 'quantity' }

/**
 * The variant a shopper asked for, checked against the product: it must exist, belong to this
 * product and be on sale. Without a variant id, a product with a single variant (no options)
 * means that one; a product with options needs a choice.
 */
async function chosenVariant(tx: Executor, productId: number, variantId: number | undefined) {
  const [product] = await tx.select({ name: products.name, active: products.active }).from(products).where(eq(products.id, productId))
  if (!product || !product.active) return { ok: false as const, error: 'This product is no longer available.' }
  const variants = await tx
    .select({
      id: productVariants.id,
      option1: productVariants.option1,
      option2: productVariants.option2,
      option3: productVariants.option3,
      priceCents: productVariants.priceCents,
      stock: productVariants.stock,
      active: productVariants.active,
    })
    .from(productVariants)
    .where(variantId === undefined ? eq(productVariants.productId, productId) : and(eq(productVariants.productId, productId), eq(productVariants.id, variantId)))
  if (variantId === undefined) {
    const only = variants.length === 1 ? variants[0] : undefined
    if (!only || only.option1 !== null) {
      const options = await tx.select({ name: productOptions.name }).from(productOptions).where(eq(productOptions.productId, productId)).orderBy(asc(productOptions.position))
      const names = options.map((option) => option.name.toLowerCase())
      return { ok: false as const, field: 'variantId' as const, error: names.length > 0 ? `Choose a ${names.join(' and ')} first.` : 'Choose an option first.' }
    }
    return { ok: true as const, product, variant: only }
  }
  const variant = variants[0]
  if (!variant) return { ok: false as const, field: 'variantId' as const, error: `That option is not sold for ${product.name}. Please choose again.` }
  if (!variant.active) return { ok: false as const, field: 'variantId' as const, error: `${lineName(product.name, variantTitle(variant))} is no longer available.` }
  return { ok: true as const, product, variant }
}

/** Adds to a variant's line (or creates it), never beyond that variant's stock (with what this cart's checkout holds). */
export async function addToCart(cartId: string, item: { productId: number; variantId?: number }, quantity: number): Promise<CartChange> {
  return db.transaction(async (tx) => {
    const chosen = await chosenVariant(tx, item.productId, item.variantId)
    if (!chosen.ok) return chosen
    const { product, variant } = chosen
    const [hold] = await tx
      .select({ held: unitsHeldByCart(cartId, variant.id) })
      .from(productVariants)
      .where(eq(productVariants.id, variant.id))
    const available = variant.stock + (hold?.held ?? 0)
    if (available <= 0) return { ok: false, error: `${lineName(product.name, variantTitle(variant))} is sold out.` }
    const [existing] = await tx
      .select({ quantity: cartItems.quantity })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variant.id)))
      .for('update')
    const wanted = (existing?.quantity ?? 0) + quantity
    const next = capQuantity(wanted, available)
    await tx
      .insert(cartItems)
      .values({ cartId, productId: item.productId, variantId: variant.id, quantity: next, seenPriceCents: variant.priceCents })
      .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.variantId], set: { quantity: next, seenPriceCents: variant.priceCents } })
    await touchCart(tx, cartId)
    return { ok: true, quantity: next, capped: next < wanted, variantId: variant.id }
  })
}

/** Sets a variant line's quantity (0 removes it), capped by the variant's stock (with what this cart's checkout holds). The price shown now becomes the seen price. */
export async function setCartQuantity(cartId: string, variantId: number, quantity: number): Promise<CartChange> {
  if (quantity === 0) {
    await removeFromCart(cartId, variantId)
    return { ok: true, quantity: 0, capped: false, variantId }
  }
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select({ stock: productVariants.stock, held: unitsHeldByCart(cartId, productVariants.id), priceCents: productVariants.priceCents })
      .from(cartItems)
      .innerJoin(productVariants, eq(productVariants.id, cartItems.variantId))
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
      .for('update', { of: cartItems })
    if (!line) return { ok: false, error: 'That item is no longer in your cart.' }
    const next = capQuantity(quantity, Math.max(line.stock + line.held, 1))
    await tx
      .update(cartItems)
      .set({ quantity: next, seenPriceCents: line.priceCents })
      .where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
    await touchCart(tx, cartId)
    return { ok: true, quantity: next, capped: next < quantity, variantId }
  })
}

export async function removeFromCart(cartId: string, variantId: number) {
  await db.transaction(async (tx) => {
    await tx.delete(cartItems).where(and(eq(cartItems.cartId, cartId), eq(cartItems.variantId, variantId)))
    await touchCart(tx, cartId)
  })
}

/** A shopper changed the cart: its reminder clock starts again (lib/cart-reminders). */
async function touchCart(tx: Executor, cartId: string) {
  await tx
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(eq(carts.id, cartId))
}

/** Takes bought variants out of the cart they were bought from (in the caller's transaction: the payment's). */
export async function removeBoughtFromCart(tx: Executor, cartId: string, variantIds: number[]) {
  if (variantIds.length === 0) return
  await tx.delete(cartItems).where(and(eq(cartItems.cartId, cartId), inArray(cartItems.variantId, variantIds)))
}

/** After the shopper has seen the current prices (checkout refused a changed price), accept them. */
export async function acceptCurrentPrices(cartId: string) {
  await db.execute(sql`
    update cart_items ci set seen_price_cents = v.price_cents
    from product_variants v where v.id = ci.variant_id and ci.cart_id = ${cartId} and ci.seen_price_cents <> v.price_cents`)
}
