import { describe, expect, it } from 'vitest'
import { sql } from '@/db/client'

// The test database is seeded by seedCatalog (lib/testing/global-setup.ts). Other test files add
// their own reviewers' reviews, so the checks of the seeded texts look at the demo customers' only.
const seeded = sql`select r.* from reviews r join users u on u.id = r.user_id where u.email like 'customer-%@northwind.test'`

describe('seeded reviews', () => {
  it('give every product exactly the rating and count of its visible reviews', async () => {
    const mismatched = await sql<{ slug: string }[]>`
      select p.slug from products p
      left join (select product_id, avg(rating)::float8 as avg, count(*)::int as count from reviews where not hidden group by product_id) r
        on r.product_id = p.id
      where p.rating_count <> coalesce(r.count, 0) or abs(p.rating_avg - coalesce(r.avg, 0)) > 1e-9`
    expect(mismatched).toEqual([])
    // The seeded catalog's products (their pictures are the seed's /art/ drawings): other test files add unreviewed products of their own.
    const [totals] = await sql<{ reviews: number; rated: number; products: number }[]>`
      select (select count(*)::int from reviews) as reviews, count(*) filter (where rating_count > 0)::int as rated, count(*)::int as products from products p
      where exists (select 1 from product_images i where i.product_id = p.id and i.url like '/art/%')`
    // A believable shop: most products have a handful of reviews, some have none yet (other test
    // files clear a few products' reviews, hence the loose bound).
    expect(totals?.rated).toBeGreaterThan((totals?.products ?? 0) * 0.5)
    expect(totals?.rated).toBeLessThan(totals?.products ?? 0)
    expect(totals?.reviews).toBeGreaterThan(1_000)
  })

  it('are varied: no title and text pair more than twice, every star rating, short and long texts', async () => {
    const repeated = await sql`select title, body, count(*)::int from (${seeded}) r group by title, body having count(*) > 2`
    expect(repeated).toEqual([])
    const ratings = await sql<{ rating: number; count: number }[]>`select rating, count(*)::int as count from (${seeded}) r group by rating order by rating`
    expect(ratings.map((row) => row.rating)).toEqual([1, 2, 3, 4, 5])
    const byRating = Object.fromEntries(ratings.map((row) => [row.rating, row.count]))
    expect((byRating[5] ?? 0) + (byRating[4] ?? 0)).toBeGreaterThan((byRating[1] ?? 0) + (byRating[2] ?? 0))
    const [lengths] = await sql<{ shortest: number; longest: number; distinct_bodies: number; total: number }[]>`
      select min(char_length(body))::int as shortest, max(char_length(body))::int as longest, count(distinct body)::int as distinct_bodies, count(*)::int as total from (${seeded}) r`
    expect(lengths?.shortest).toBeLessThan(80)
    expect(lengths?.longest).toBeGreaterThan(250)
    expect(lengths?.distinct_bodies).toBeGreaterThan((lengths?.total ?? 0) * 0.8)
  })

  it('read like their rating: complaints in low ratings, praise in high ones', async () => {
    const [tone] = await sql<{ praised_low: number; complained_top: number }[]>`
      select count(*) filter (where rating <= 2 and body ~* '(highly recommended|cannot fault|ten out of ten|faultless)')::int as praised_low,
        count(*) filter (where rating = 5 and body ~* '(refund|returned|broke|letdown|save your money)')::int as complained_top
      from (${seeded}) r`
    expect(tone).toEqual({ praised_low: 0, complained_top: 0 })
  })

  it('are written by demo customers, a few of them found helpful by other customers', async () => {
    const [authors] = await sql<{ count: number }[]>`select count(distinct user_id)::int as count from (${seeded}) r`
    expect(authors?.count).toBeGreaterThanOrEqual(48)
    const [helpful] = await sql<{ voted: number; total: number; wrong: number; own: number }[]>`
      select count(*) filter (where helpful_count > 0)::int as voted, count(*)::int as total,
        count(*) filter (where helpful_count <> (select count(*) from review_votes v where v.review_id = r.id))::int as wrong,
        (select count(*)::int from review_votes v join reviews o on o.id = v.review_id where v.user_id = o.user_id) as own
      from (${seeded}) r`
    expect(helpful?.voted).toBeGreaterThan(0)
    expect(helpful?.voted).toBeLessThan((helpful?.total ?? 0) * 0.4)
    expect(helpful?.wrong).toBe(0)
    expect(helpful?.own).toBe(0)
  })
})
