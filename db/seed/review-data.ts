/**
 * Deterministic demo reviews (pure code: no DB access, no Math.random). Each review is composed
 * from parts chosen by its rating and the product's department and type, so texts vary in length
 * and tone and their star rating matches what they say.
 */

import type { Rng } from './random'

function pick<T>(rng: Rng, list: readonly T[]): T {
  const value = list[Math.floor(rng() * list.length)]
  if (value === undefined) throw new Error('pick from empty list')
  return value
}

/** How a product type reads inside a sentence: "headphones", "USB-C hub", "T-shirt". */
export function typeNoun(type: string): string {
  return type
    .split(' ')
    .map((word) => (/[A-Z].*[A-Z]/.test(word) ? word : word.toLowerCase()))
    .join(' ')
    .replace(/^t-shirt$/, 'T-shirt')
}

const TITLES: Record<number, readonly string[]> = {
  5: [
    'Exactly what I hoped for',
    'Love it',
    'Best {noun} I have owned',
    'Worth every cent',
    'Superb',
    'Could not be happier',
    'Five stars, no notes',
    'A real upgrade',
    'Buy it',
    'Better than expected',
    'Gorgeous and practical',
    'My new favourite',
  ],
  4: ['Very good', 'Happy with it', 'Solid {noun}', 'Great, with one small gripe', 'Nearly perfect', 'Good value', 'Does the job well', 'Recommended', 'Pleasantly surprised', 'Would buy again'],
  3: ['Fine, not amazing', 'It is okay', 'Mixed feelings', 'Decent for the price', 'Average {noun}', 'Does the basics', 'Good and bad', 'Not bad, not great'],
  2: ['Expected more', 'Disappointing', 'Not for me', 'Some real flaws', 'Looks better than it works', 'Would not buy again'],
  1: ['Did not work for me', 'Returned it', 'Poor quality', 'Avoid', 'Broke quickly', 'Very disappointed'],
}

const OPENERS: Record<number, readonly string[]> = {
  5: [
    'I have been using this {noun} daily for a few weeks and it has been faultless.',
    'This is easily the nicest {noun} I have bought in years.',
    'Bought this to replace an old {noun} and the difference is night and day.',
    'Got it as a gift for my partner, then ordered a second one for myself.',
    'I did a lot of research before choosing this {noun}, and I am glad I did.',
    'Arrived two days early and was even better in person than in the pictures.',
    'After three months of use it still feels brand new.',
    'Honestly did not expect much at this price, but it is excellent.',
  ],
  4: [
    'A really good {noun} overall.',
    'I have had this {noun} for about a month and I am happy with it.',
    'Does almost everything I wanted from a {noun}.',
    'Good quality for the money, with a couple of small niggles.',
    'Replaced a cheaper {noun} with this one and it is a clear step up.',
    'Took a little getting used to, but now I use it every day.',
    'Well made and nicely finished.',
  ],
  3: [
    'It is an average {noun}: nothing wrong with it, nothing special either.',
    'Some things I like about this {noun}, some I do not.',
    'Works as described, though I expected a bit more for the price.',
    'Perfectly usable, but I would look around before buying again.',
    'It does the job, just not especially well.',
    'Fine for occasional use.',
  ],
  2: [
    'I wanted to like this {noun} but it has not held up.',
    'Not as good as the description made it sound.',
    'Two weeks in and I am already looking for a replacement.',
    'Looks nice, but that is about it.',
    'Had high hopes for this {noun} and they were not met.',
  ],
  1: [
    'Sadly this {noun} was a letdown from the start.',
    'Stopped working properly within a fortnight.',
    'Arrived with a defect and the replacement was no better.',
    'I would not recommend this {noun} to anyone.',
    'Went straight back for a refund.',
  ],
}

/** What shoppers praise or criticise, by department. */
const DETAILS: Record<string, { good: readonly string[]; bad: readonly string[] }> = {
  audio: {
    good: [
      'The sound is clear and balanced, with bass that does not drown everything else.',
      'Battery life is easily a full working day.',
      'Pairing took seconds and it reconnects on its own.',
      'Comfortable enough to wear for hours.',
      'Noise cancelling makes the train bearable.',
    ],
    bad: [
      'The sound is muddy at higher volumes.',
      'The battery barely lasts an afternoon.',
      'It keeps dropping the Bluetooth connection.',
      'It gets uncomfortable after half an hour.',
      'There is a faint hiss when nothing is playing.',
    ],
  },
  computing: {
    good: [
      'It worked the moment I plugged it in, no drivers needed.',
      'It feels solid on the desk and does not slide around.',
      'Fast, quiet and cool even under load.',
      'The build quality is better than the big brands.',
      'Works with both my laptop and my tablet.',
    ],
    bad: [
      'It disconnects randomly and needs replugging.',
      'It gets worryingly hot.',
      'The cable is far too short.',
      'Keys started to stick after a few weeks.',
      'My laptop does not always recognise it.',
    ],
  },
  'home-kitchen': {
    good: [
      'It looks lovely and everyone who visits asks about it.',
      'Heats evenly and cleans up easily.',
      'The colour is exactly as pictured.',
      'Feels heavy and well made in the hand.',
      'Survived the dishwasher many times without fading.',
    ],
    bad: [
      'The finish chipped within the first month.',
      'The colour is noticeably duller than in the photos.',
      'It is smaller than I imagined from the pictures.',
      'The handle gets far too hot.',
      'It started to wobble after a few weeks.',
    ],
  },
  outdoor: {
    good: [
      'Held up to a weekend of wind and rain without complaint.',
      'Packs down small and weighs next to nothing.',
      'Easy to set up even in the dark.',
      'The zips and buckles feel tough.',
      'Kept everything dry on a very wet hike.',
    ],
    bad: [
      'Water got in at the seams on the first rainy night.',
      'Heavier than the listing suggests.',
      'One of the zips broke on the second trip.',
      'Fiddly to pack away.',
      'The straps dig into my shoulders.',
    ],
  },
  apparel: {
    good: [
      'True to size and the fabric feels soft.',
      'Still looks new after a dozen washes.',
      'Warm without being bulky.',
      'The stitching is neat and the fit is flattering.',
      'The colour has not faded at all.',
    ],
    bad: ['Runs at least a size small.', 'It shrank after the first wash.', 'The fabric pilled within weeks.', 'The colour ran in the wash.', 'A seam came undone almost straight away.'],
  },
  beauty: {
    good: [
      'A little goes a long way.',
      'My skin feels soft and not at all greasy.',
      'The scent is subtle and fades nicely.',
      'No irritation, even on my sensitive skin.',
      'The packaging is easy to use and recyclable.',
    ],
    bad: [
      'It left my skin feeling tight.',
      'The scent is much stronger than I expected.',
      'The pump stopped working halfway through.',
      'Gave me a rash after a few days.',
      'Did not notice any difference at all.',
    ],
  },
  'toys-games': {
    good: [
      'The kids have played with it every day since it arrived.',
      'Great fun for the whole family on game night.',
      'The pieces are sturdy and well finished.',
      'Clear instructions and quick to get going.',
      'Keeps my eight-year-old busy for hours.',
    ],
    bad: [
      'A couple of pieces were missing from the box.',
      'The instructions are confusing.',
      'The kids lost interest after a day.',
      'Parts break far too easily.',
      'Much smaller than it looks in the photos.',
    ],
  },
  'books-stationery': {
    good: [
      'The paper takes fountain pen ink with no bleed-through.',
      'Beautifully made and lies flat when open.',
      'Writes smoothly and never skips.',
      'A thoughtful layout that keeps my week organised.',
      'Feels like a much more expensive item.',
    ],
    bad: [
      'The ink bleeds straight through the paper.',
      'The binding came loose within a month.',
      'It skips and blots constantly.',
      'The cover scuffs very easily.',
      'Printing errors on several pages.',
    ],
  },
  'sports-fitness': {
    good: [
      'Grippy, stable and comfortable during workouts.',
      'Solid enough for daily training.',
      'Easy to adjust mid-session.',
      'Good value compared with gym-brand equivalents.',
      'I have noticed a real difference in my routine.',
    ],
    bad: [
      'It slips on a wooden floor.',
      'There is a strong rubber smell that will not go away.',
      'The adjustment mechanism feels flimsy.',
      'It lost its shape within weeks.',
      'The coating started peeling.',
    ],
  },
  garden: {
    good: [
      'Sturdy and has shrugged off a whole season outdoors.',
      'My plants are thriving.',
      'Sharp, comfortable and easy to clean.',
      'Looks great on the patio.',
      'Assembly took ten minutes with no tools.',
    ],
    bad: [
      'It rusted after the first few rainy weeks.',
      'The colour faded in the sun almost immediately.',
      'The drainage is poor and the roots got waterlogged.',
      'The handle is uncomfortable for long jobs.',
      'Cracked over the first frosty night.',
    ],
  },
}

const USES = [
  'I mostly use it at home in the evenings.',
  'Bought it for a trip and it has been with me ever since.',
  'I use it at work most days.',
  'My teenager has more or less claimed it.',
  'We use it every weekend.',
  'I have been using it alongside an older one for comparison.',
  'It has become part of my morning routine.',
  'Delivery was quick and the packaging was plastic-free.',
]

const CLOSERS: Record<number, readonly string[]> = {
  5: ['Highly recommended.', 'Would buy again without hesitation.', 'Already eyeing another colour.', 'Ten out of ten.', 'Cannot fault it.'],
  4: ['Recommended overall.', 'Knocked off a star only for the small things.', 'Good value, I would buy it again.', 'Happy with the purchase.'],
  3: ['Okay if it is on sale.', 'It will do for now.', 'Three stars feels fair.', 'Not sure I would buy it again.'],
  2: ['Customer service was helpful, at least.', 'I expected better at this price.', 'Probably going to return it.'],
  1: ['Save your money.', 'Customer service could not help.', 'Really disappointing.'],
}

export type ReviewText = { title: string; body: string }

/** A review of `rating` stars for a product of `type` in `department`, worded by `rng`. */
export function composeReview(rng: Rng, input: { rating: number; department: string; type: string }): ReviewText {
  const rating = Math.min(5, Math.max(1, Math.round(input.rating)))
  const noun = typeNoun(input.type)
  const fill = (text: string) => text.replaceAll('{noun}', noun)
  const details = DETAILS[input.department] ?? { good: USES, bad: USES }
  const sentences = [fill(pick(rng, OPENERS[rating] ?? []))]
  // 1 to 5 sentences: most reviews are short, a few are long.
  const length = rng()
  const extra = length < 0.3 ? 0 : length < 0.65 ? 1 : length < 0.88 ? 2 : 3
  const good = [...details.good]
  const bad = [...details.bad]
  const take = (list: string[]) => list.splice(Math.floor(rng() * list.length), 1)[0]
  for (let index = 0; index < extra; index++) {
    // Praise for 4 and 5 stars, complaints for 1 and 2, some of each for 3.
    const sentence = rating >= 4 ? (index === 1 && rating === 4 ? take(bad) : take(good)) : rating <= 2 ? take(bad) : index % 2 === 0 ? take(good) : take(bad)
    if (sentence) sentences.push(sentence)
  }
  if (rng() < 0.35) sentences.splice(1, 0, pick(rng, USES))
  if (rng() < 0.5) sentences.push(pick(rng, CLOSERS[rating] ?? []))
  return { title: fill(pick(rng, TITLES[rating] ?? [])), body: sentences.join(' ') }
}

/** A product's "true quality" (mean star rating), from which each review's rating is drawn. */
export function productQuality(rng: Rng): number {
  const tier = rng()
  return tier < 0.78 ? 4 + rng() * 0.85 : tier < 0.94 ? 3 + rng() : 1.8 + rng() * 1.2
}

/** One shopper's rating of a product of that quality: mostly near it, sometimes far off. */
export function ratingNear(rng: Rng, quality: number): number {
  const spread = (rng() + rng() + rng() - 1.5) * 1.6
  return Math.min(5, Math.max(1, Math.round(quality + spread)))
}
