import 'server-only'
import type { TransactionSql } from 'postgres'
import { departmentOf, type SeedProduct } from './catalog-data'
import { mulberry32 } from './random'
import { composeReview, productQuality, ratingNear } from './review-data'

/**
 * Demo reviews written by the demo customers, and every product's rating recomputed from them:
 * a rating shown in the shop always comes from reviews that exist. Deterministic.
 */

/** Demo customers: they write the seeded reviews and (db/seed/demo-activity.ts) place the demo orders. */
export const DEMO_CUSTOMERS = 60
const firstNames = ['Avery', 'Jordan', 'Riley', 'Morgan', 'Casey', 'Quinn', 'Harper', 'Rowan', 'Sasha', 'Emerson', 'Kai', 'Noor']
const lastNames = ['Lee', 'Okafor', 'García', 'Nguyen', 'Schmidt', 'Rossi', 'Tanaka', 'Silva']

export function demoCustomer(index: number) {
  return {
    name: `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]}`,
    email: `customer-${String(index + 1).padStart(2, '0')}@northwind.test`,
  }
}

/** Only the first products of a large catalog get reviews, so a 100,000-product seed stays fast. */
export const REVIEWED_PRODUCTS = 3_000
const REVIEW_BATCH = 2_000
const DAY_MS = 86_400_000
const REFERENCE_END_MS = Date.UTC(2026, 10, 1)

/**
 * The demo customer's account, made if missing. They joined before the oldest seeded product
 * (a year before REFERENCE_END_MS), a day apart, so none wrote a review or placed an order before
 * their account existed, and the admin's "new customers" counts only real sign-ups.
 */
export async function upsertDemoCustomer(tx: TransactionSql, index: number): Promise<string | undefined> {
  const { name, email } = demoCustomer(index)
  const joined = new Date(REFERENCE_END_MS - (366 + DEMO_CUSTOMERS - index) * DAY_MS).toISOString()
  const [row] = await tx<{ id: string }[]>`
    insert into users (id, name, email, role, created_at, updated_at) values (${crypto.randomUUID()}, ${name}, ${email}, 'customer', ${joined}, ${joined})
    on conflict (lower(email)) do update set name = excluded.name
    returning id`
  return row?.id
}

export async function upsertDemoCustomers(tx: TransactionSql): Promise<string[]> {
  const ids: string[] = []
  for (let index = 0; index < DEMO_CUSTOMERS; index++) {
    const id = await upsertDemoCustomer(tx, index)
    if (id) ids.push(id)
  }
  return ids
}

type ReviewRow = { product_id: number; user_id: string; rating: number; title: string; body: string; created_at: string; updated_at: string }
type VoteSeed = { product_id: number; author: string; voters: string[] }

/**
 * Collects the reviews of one inserted batch of products (`index` is the batch's first product's
 * position in the catalog); call `flush` after the last batch.
 */
export function createReviewSeeder(tx: TransactionSql, customerIds: string[]) {
  const rows: ReviewRow[] = []
  const votes: VoteSeed[] = []
  // No title and text pair more than twice in the whole shop.
  const used = new Map<string, number>()
  let written = 0

  async function insertRows() {
    if (rows.length === 0) return
    await tx`insert into reviews ${tx(rows.splice(0))}`
  }

  return {
    async add(products: readonly SeedProduct[], productIds: readonly number[], firstIndex: number) {
      for (const [offset, product] of products.entries()) {
        const index = firstIndex + offset
        const productId = productIds[offset]
        if (index >= REVIEWED_PRODUCTS || productId === undefined) continue
        const rng = mulberry32(0x5eed ^ Math.imul(index + 1, 0x9e3779b1))
        if (index > 0 && rng() < 0.12) continue // no reviews yet
        const u = rng()
        const count = Math.min(customerIds.length - 1, 1 + Math.floor(34 * u * u))
        // The first product (the demo's flagship, bought by the demo shopper) is loved by everyone.
        const quality = index === 0 ? 5 : productQuality(rng)
        const start = Math.floor(rng() * customerIds.length)
        const createdMs = product.createdAt.getTime()
        for (let k = 0; k < count; k++) {
          const author = customerIds[(start + k * 7) % customerIds.length]
          if (!author) continue
          const rating = index === 0 ? 5 : ratingNear(rng, quality)
          let text = composeReview(rng, { rating, department: departmentOf(product.categorySlug), type: product.type })
          for (let attempt = 0; (used.get(`${text.title}\n${text.body}`) ?? 0) >= 2 && attempt < 20; attempt++) {
            text = composeReview(rng, { rating, department: departmentOf(product.categorySlug), type: product.type })
          }
          const key = `${text.title}\n${text.body}`
          if ((used.get(key) ?? 0) >= 2) continue
          used.set(key, (used.get(key) ?? 0) + 1)
          const at = new Date(createdMs + Math.floor(rng() * Math.max(DAY_MS, REFERENCE_END_MS - createdMs))).toISOString()
          rows.push({ product_id: productId, user_id: author, rating, title: text.title, body: text.body, created_at: at, updated_at: at })
          // About one review in five was found helpful by a few other customers.
          if (rng() < 0.2) {
            const voters = Array.from({ length: 1 + Math.floor(rng() * rng() * 9) }, (_, v) => customerIds[(start + k * 7 + 1 + v * 11) % customerIds.length] ?? '')
            votes.push({ product_id: productId, author, voters: [...new Set(voters)].filter((voter) => voter && voter !== author) })
          }
          written++
        }
        if (rows.length >= REVIEW_BATCH) await insertRows()
      }
    },

    /** Writes what is left, the helpful votes and every product's rating; returns the number of reviews. */
    async flush() {
      await insertRows()
      for (let start = 0; start < votes.length; start += REVIEW_BATCH) {
        const chunk = votes.slice(start, start + REVIEW_BATCH)
        const voteRows = chunk.flatMap((vote) => vote.voters.map((voter) => ({ product_id: vote.product_id, author: vote.author, voter })))
        if (voteRows.length === 0) continue
        await tx`
          insert into review_votes (review_id, user_id)
          select r.id, v.voter from json_to_recordset(${JSON.stringify(voteRows)}::text::json) as v(product_id int, author text, voter text)
          join reviews r on r.product_id = v.product_id and r.user_id = v.author
          on conflict do nothing`
      }
      await tx`
        update reviews r set helpful_count = v.count
        from (select review_id, count(*)::int as count from review_votes group by review_id) v
        where r.id = v.review_id`
      // The same rule as recomputeProductRating in lib/reviews/service.ts (products start at 0 / 0).
      await tx`
        update products p set rating_avg = r.avg, rating_count = r.count
        from (select product_id, avg(rating)::float8 as avg, count(*)::int as count from reviews where not hidden group by product_id) r
        where p.id = r.product_id`
      return written
    },
  }
}
