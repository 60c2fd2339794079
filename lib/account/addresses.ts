import 'server-only'
import { and, asc, desc, eq } from 'drizzle-orm'
import { db } from '@/db/client'
import { addresses } from '@/db/schema'
import type { AddressInput } from './validation'

/** Every query is scoped by owner: a user can never read or change another user's address. */

export async function listAddresses(userId: string) {
  return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), asc(addresses.id))
}

export async function getAddress(userId: string, addressId: number) {
  const [address] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.userId, userId), eq(addresses.id, addressId)))
    .limit(1)
  return address ?? null
}

export async function getDefaultAddress(userId: string) {
  const [address] = await db
    .select()
    .from(addresses)
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true)))
    .limit(1)
  return address ?? null
}

/** Creates (addressId null) or updates an address; the first address becomes the default. */
export async function saveAddress(userId: string, addressId: number | null, input: AddressInput) {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: addresses.id, isDefault: addresses.isDefault }).from(addresses).where(eq(addresses.userId, userId))
    const current = addressId === null ? undefined : existing.find((row) => row.id === addressId)
    if (addressId !== null && !current) return null
    // The first address is the default, and the default stays so until another is chosen.
    const makeDefault = input.isDefault || existing.length === 0 || current?.isDefault === true
    if (makeDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId))
    const values = { ...input, isDefault: makeDefault }
    if (addressId === null) {
      const [row] = await tx
        .insert(addresses)
        .values({ ...values, userId })
        .returning({ id: addresses.id })
      return row?.id ?? null
    }
    await tx
      .update(addresses)
      .set(values)
      .where(and(eq(addresses.userId, userId), eq(addresses.id, addressId)))
    return addressId
  })
}

export async function setDefaultAddress(userId: string, addressId: number) {
  return db.transaction(async (tx) => {
    const address = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.userId, userId), eq(addresses.id, addressId)))
    if (address.length === 0) return false
    await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId))
    await tx
      .update(addresses)
      .set({ isDefault: true })
      .where(and(eq(addresses.userId, userId), eq(addresses.id, addressId)))
    return true
  })
}

/** Deleting the default promotes the oldest remaining address. */
export async function deleteAddress(userId: string, addressId: number) {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(addresses)
      .where(and(eq(addresses.userId, userId), eq(addresses.id, addressId)))
      .returning({ isDefault: addresses.isDefault })
    if (!deleted) return false
    if (deleted.isDefault) {
      const [next] = await tx.select({ id: addresses.id }).from(addresses).where(eq(addresses.userId, userId)).orderBy(asc(addresses.id)).limit(1)
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id))
    }
    return true
  })
}
