/**
 * Deterministic demo catalog data (pure code: no DB access, no network, no Math.random).
 *
 * Product names are unique by construction:
 *  - the first products interleave a hand-written "hero" list (names without an en dash);
 *  - every generated product is `${series} ${adjective} ${type}[ size] – ${descriptor}` where
 *    (type, adjective, series, descriptor) is a bijective scramble of that subcategory's running
 *    counter over the subcategory's combination space. Product types are globally distinct, so two
 *    products can only share a base name if they share a tuple, which happens only after the space
 *    is exhausted; from then on a " Mk N" suffix (N = cycle + 1) keeps every name unique.
 */

import { mulberry32, type Rng } from './random'

export type SeedCategory = {
  slug: string
  name: string
  description: string
  parentSlug: string | null
  position: number
}

export type SeedProduct = {
  slug: string
  name: string
  description: string
  priceCents: number
  currency: 'USD'
  stock: number
  active: boolean
  featured: boolean
  categorySlug: string
  /** Product type ("Headphones"): picks the artwork's motif and the reviews' wording. */
  type: string
  /** Icon of the Fluent Emoji Flat set the artwork draws (PRODUCT_TYPE_MOTIFS). */
  motif: string
  /** Background colour of the artwork, `#rrggbb`. */
  color: string
  createdAt: Date
  imageCount: number
}

// ---------------------------------------------------------------------------
// PRNG helpers
// ---------------------------------------------------------------------------

function mix(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  const v = list[Math.floor(rng() * list.length)]
  if (v === undefined) throw new Error('pick from empty list')
  return v
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\+/g, '-plus')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

// ---------------------------------------------------------------------------
// Catalog definition
// ---------------------------------------------------------------------------

type DescriptorKind = 'color' | 'material' | 'scent' | 'edition' | 'format'

type ProductType = {
  name: string
  /** price range in whole dollars */
  price: readonly [number, number]
  sizes?: readonly string[]
}

type SubDef = {
  slug: string
  name: string
  description: string
  weight: number
  types: readonly ProductType[]
  adjectives: readonly string[]
  descriptors: readonly string[]
  kind: DescriptorKind
}

type TopDef = {
  slug: string
  name: string
  description: string
  subs: readonly SubDef[]
  intro: readonly string[]
  use: readonly string[]
  care: readonly string[]
  box: readonly string[]
}

const SERIES = [
  'Aurora',
  'Nimbus',
  'Vertex',
  'Halo',
  'Orbit',
  'Nova',
  'Pulse',
  'Zenith',
  'Echo',
  'Lumen',
  'Atlas',
  'Cobalt',
  'Drift',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lark',
  'Meridian',
  'Nomad',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Ridge',
  'Summit',
  'Tundra',
  'Umbra',
  'Vale',
  'Willow',
] as const

const TECH_COLORS = ['Matte Black', 'Graphite', 'Arctic White', 'Midnight Blue', 'Sage Green', 'Sandstone', 'Slate Grey', 'Coral', 'Silver', 'Forest Green'] as const
const HOME_COLORS = ['Oat', 'Charcoal', 'Terracotta', 'Sage', 'Ivory', 'Navy', 'Mustard', 'Dusty Rose', 'Stone', 'Olive'] as const
const APPAREL_COLORS = ['Heather Grey', 'Navy', 'Black', 'Olive', 'Rust', 'Ecru', 'Burgundy', 'Sky Blue', 'Forest', 'Sand'] as const
const OUTDOOR_COLORS = ['Alpine Green', 'Glacier Blue', 'Desert Tan', 'Signal Orange', 'Charcoal', 'Moss', 'Storm Grey', 'Ochre', 'Black', 'Sierra Red'] as const
const SCENTS = ['Lavender', 'Citrus', 'Green Tea', 'Rose', 'Sandalwood', 'Eucalyptus', 'Coconut', 'Cedar', 'Fragrance-Free', 'Vanilla'] as const
const EDITIONS = ['Classic Edition', 'Family Edition', 'Travel Edition', 'Deluxe Edition', 'Junior Edition', 'Anniversary Edition', "Collector's Edition", 'Pocket Edition'] as const
const WOODS = ['Oak', 'Walnut', 'Bamboo', 'Ash', 'Beech', 'Powder-Coated Steel', 'Cork', 'Recycled Plastic'] as const

const TOPS: readonly TopDef[] = [
  {
    slug: 'audio',
    name: 'Audio',
    description: 'Headphones, speakers and hi-fi gear for listening at home, at work and on the move.',
    subs: [
      {
        slug: 'headphones-earbuds',
        name: 'Headphones & Earbuds',
        description: 'Over-ear headphones and true wireless earbuds for commuting, studio work and workouts.',
        weight: 1.6,
        types: [
          { name: 'Headphones', price: [49, 449] },
          { name: 'Earbuds', price: [29, 249] },
          { name: 'In-Ear Monitors', price: [79, 599] },
          { name: 'Neckband Earphones', price: [25, 129] },
        ],
        adjectives: ['Wireless', 'Noise-Cancelling', 'Studio', 'Sport', 'Hybrid', 'Reference', 'Travel', 'Open-Back', 'Lightweight', 'Pro', 'Bass-Boost', 'Everyday'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'speakers',
        name: 'Speakers',
        description: 'Portable Bluetooth speakers, bookshelf pairs and soundbars that fill a room.',
        weight: 1.2,
        types: [
          { name: 'Bluetooth Speaker', price: [29, 299] },
          { name: 'Bookshelf Speakers', price: [149, 899] },
          { name: 'Soundbar', price: [129, 799] },
          { name: 'Party Speaker', price: [99, 499] },
        ],
        adjectives: ['Portable', 'Waterproof', 'Compact', 'Rugged', 'Active', 'Wi-Fi', 'Stereo', 'Mini', 'Outdoor', 'Dual-Driver', 'Room-Filling', 'Slim'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'hi-fi-turntables',
        name: 'Hi-Fi & Turntables',
        description: 'Turntables, amplifiers and DACs for a proper listening setup.',
        weight: 0.8,
        types: [
          { name: 'Turntable', price: [149, 999] },
          { name: 'Stereo Amplifier', price: [199, 1499] },
          { name: 'Phono Preamp', price: [79, 449] },
          { name: 'Streaming DAC', price: [99, 799] },
        ],
        adjectives: ['Belt-Drive', 'Direct-Drive', 'Integrated', 'Vintage-Style', 'Audiophile', 'Compact', 'Hybrid', 'Class-A', 'Balanced', 'Desktop', 'Analog', 'Reference'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'audio-accessories',
        name: 'Audio Accessories',
        description: 'Stands, cases, cables and replacement parts that keep your audio gear in shape.',
        weight: 0.8,
        types: [
          { name: 'Headphone Stand', price: [19, 89] },
          { name: 'Carrying Case', price: [15, 59] },
          { name: 'Audio Cable', price: [9, 79], sizes: ['1 m', '2 m', '3 m'] },
          { name: 'Replacement Ear Pads', price: [15, 49] },
        ],
        adjectives: ['Premium', 'Braided', 'Hardshell', 'Memory Foam', 'Weighted', 'Minimal', 'Travel', 'Universal', 'Padded', 'Desk', 'Studio', 'Classic'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is tuned for clear highs, present mids and bass that stays controlled at any volume.',
      'Built for long listening sessions, the {name} balances detailed sound with all-day comfort.',
      'The {name} brings a clean, natural sound signature to everything from podcasts to symphonies.',
      'Designed with working musicians and everyday listeners in mind, the {name} gets the fundamentals right.',
    ],
    use: [
      'Bluetooth 5.3 pairs quickly with phones and laptops, and a 3.5 mm input covers everything else.',
      'Use it for commuting, focused work or late-night listening without disturbing anyone.',
      'Controls are placed where your fingers expect them, so adjusting volume never breaks your flow.',
      'A single charge lasts a full working week of typical use.',
    ],
    care: [
      'Wipe down with a dry microfibre cloth and store away from direct heat.',
      'Keep the connectors dry and use the included pouch when travelling.',
      'Firmware updates are delivered through the companion app.',
    ],
    box: [
      'In the box: the unit, a USB-C charging cable, a quick-start guide and a two-year warranty card.',
      'Ships with a soft carry pouch and a braided USB-C cable.',
      'Includes a quick-start guide and a 3.5 mm audio cable.',
    ],
  },
  {
    slug: 'computing',
    name: 'Computing & Accessories',
    description: 'Keyboards, mice, hubs, storage and chargers that make any desk more productive.',
    subs: [
      {
        slug: 'keyboards-mice',
        name: 'Keyboards & Mice',
        description: 'Mechanical keyboards, ergonomic mice and desk mats for comfortable daily typing.',
        weight: 1.1,
        types: [
          { name: 'Mechanical Keyboard', price: [59, 249] },
          { name: 'Wireless Mouse', price: [19, 129] },
          { name: 'Trackpad', price: [49, 149] },
          { name: 'Desk Mat', price: [15, 49] },
        ],
        adjectives: ['Low-Profile', 'Ergonomic', 'Compact', 'Silent', 'Tenkeyless', 'Bluetooth', 'Multi-Device', 'Rechargeable', 'Split', 'Precision', 'Vertical', 'Backlit'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'laptop-accessories',
        name: 'Laptop Accessories',
        description: 'Sleeves, stands and hubs that protect your laptop and expand what it can connect to.',
        weight: 1,
        types: [
          { name: 'Laptop Sleeve', price: [19, 79], sizes: ['13 in', '14 in', '16 in'] },
          { name: 'Laptop Stand', price: [29, 119] },
          { name: 'USB-C Hub', price: [25, 99] },
          { name: 'Docking Station', price: [99, 349] },
        ],
        adjectives: ['Aluminium', 'Foldable', 'Slim', 'Adjustable', 'Padded', 'Travel', 'Multiport', 'Thunderbolt', 'Ventilated', 'Magnetic', 'Water-Resistant', 'Pro'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'storage-power',
        name: 'Storage & Power',
        description: 'Portable SSDs, power banks and fast chargers to keep your devices running.',
        weight: 1,
        types: [
          { name: 'Portable SSD', price: [59, 399], sizes: ['500 GB', '1 TB', '2 TB', '4 TB'] },
          { name: 'Power Bank', price: [25, 149] },
          { name: 'USB-C Charger', price: [19, 99] },
          { name: 'Charging Cable', price: [9, 39], sizes: ['1 m', '2 m'] },
        ],
        adjectives: ['Rugged', 'Fast-Charge', 'Compact', 'GaN', 'High-Speed', 'Pocket', 'Magnetic', 'Dual-Port', 'Braided', 'Travel', 'Slim', 'Heavy-Duty'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is made for people who spend their day at a desk and want it to feel effortless.',
      'A dependable everyday tool, the {name} works with macOS, Windows, Linux and ChromeOS out of the box.',
      'The {name} combines a clean design with the reliability you need for daily work.',
    ],
    use: [
      'Plug-and-play setup means no drivers and no waiting.',
      'It fits neatly into a laptop bag, so your setup travels with you.',
      'Tested for thousands of hours of continuous use before it reaches your desk.',
    ],
    care: ['Clean with a slightly damp cloth; avoid solvents and harsh detergents.', 'Keep ventilation areas clear for best performance.'],
    box: ['In the box: the device, a USB-C cable and a printed setup guide.', 'Backed by a two-year limited warranty.'],
  },
  {
    slug: 'home-kitchen',
    name: 'Home & Kitchen',
    description: 'Cookware, tableware, decor and bedding for a home that works as well as it looks.',
    subs: [
      {
        slug: 'kitchen-essentials',
        name: 'Kitchen Essentials',
        description: 'Skillets, Dutch ovens, knives and kettles that form the core of a well-equipped kitchen.',
        weight: 1.4,
        types: [
          { name: 'Skillet', price: [24, 149], sizes: ['20 cm', '26 cm', '30 cm'] },
          { name: 'Dutch Oven', price: [49, 349], sizes: ['3.8 L', '5.5 L', '6.7 L'] },
          { name: "Chef's Knife", price: [29, 249], sizes: ['18 cm', '20 cm', '23 cm'] },
          { name: 'Kettle', price: [29, 149] },
          { name: 'Cutting Board', price: [19, 99] },
        ],
        adjectives: ['Classic', 'Pre-Seasoned', 'Enamelled', 'Forged', 'Heritage', 'Pro', 'Everyday', 'Induction-Ready', 'Gooseneck', 'Lightweight', 'Heavy-Gauge', 'Essential'],
        descriptors: ['Cast Iron', 'Stainless Steel', 'Carbon Steel', 'Copper', 'Ceramic', 'Hard-Anodised Aluminium', 'Enamel', 'End-Grain Walnut', 'Olive Wood', 'Tri-Ply Steel'],
        kind: 'material',
      },
      {
        slug: 'tableware',
        name: 'Tableware',
        description: 'Plates, bowls, mugs and glassware for everyday meals and dinner parties alike.',
        weight: 0.9,
        types: [
          { name: 'Dinner Plate Set', price: [29, 129] },
          { name: 'Coffee Mug', price: [12, 39] },
          { name: 'Serving Bowl', price: [19, 79] },
          { name: 'Tumbler Set', price: [19, 69] },
        ],
        adjectives: ['Stoneware', 'Hand-Glazed', 'Speckled', 'Stackable', 'Rustic', 'Modern', 'Matte', 'Artisan', 'Double-Walled', 'Everyday', 'Heritage', 'Minimal'],
        descriptors: HOME_COLORS,
        kind: 'color',
      },
      {
        slug: 'home-decor',
        name: 'Home Decor',
        description: 'Lamps, cushions, clocks and vases that add warmth and character to any room.',
        weight: 0.9,
        types: [
          { name: 'Table Lamp', price: [39, 199] },
          { name: 'Throw Pillow', price: [19, 69] },
          { name: 'Wall Clock', price: [25, 119] },
          { name: 'Vase', price: [19, 99] },
        ],
        adjectives: ['Mid-Century', 'Scandinavian', 'Woven', 'Ribbed', 'Handmade', 'Minimal', 'Boucle', 'Rattan', 'Sculptural', 'Linen', 'Velvet', 'Glazed'],
        descriptors: HOME_COLORS,
        kind: 'color',
      },
      {
        slug: 'bedding-bath',
        name: 'Bedding & Bath',
        description: 'Duvet covers, sheets, towels and blankets made from soft, breathable fabrics.',
        weight: 0.9,
        types: [
          { name: 'Duvet Cover', price: [59, 249], sizes: ['Twin', 'Queen', 'King'] },
          { name: 'Bath Towel Set', price: [29, 119] },
          { name: 'Sheet Set', price: [49, 229], sizes: ['Twin', 'Queen', 'King'] },
          { name: 'Throw Blanket', price: [39, 149] },
        ],
        adjectives: ['Stonewashed', 'Percale', 'Sateen', 'Waffle-Weave', 'Organic', 'Linen-Blend', 'Brushed', 'Plush', 'Lightweight', 'Quilted', 'Turkish', 'Cooling'],
        descriptors: HOME_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is made to be used every day and to look better with every year.',
      'Thoughtfully designed and built to last, the {name} earns its place in your home.',
      'The {name} brings together practical design and honest materials.',
      'A quiet workhorse, the {name} is the kind of piece you reach for without thinking.',
    ],
    use: [
      'Works on gas, electric and induction hobs, and goes straight into the oven.',
      'Sized for everyday family meals and generous enough for weekend cooking.',
      'It fits easily into most kitchen cupboards and looks good left out on display.',
      'Perfect for small apartments and busy family homes alike.',
    ],
    care: [
      'Hand wash with warm water and dry thoroughly before storing.',
      'Machine washable at 40 °C; tumble dry low.',
      'Dishwasher safe, though hand washing keeps the finish looking new for longer.',
    ],
    box: ['Arrives in plastic-free packaging with a printed care card.', 'Covered by a five-year quality guarantee.'],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor',
    description: 'Tents, packs and travel gear for weekend campers, day hikers and long-haul travellers.',
    subs: [
      {
        slug: 'camping',
        name: 'Camping',
        description: 'Tents, sleeping bags, stoves and lanterns for comfortable nights outside.',
        weight: 1,
        types: [
          { name: 'Tent', price: [89, 599] },
          { name: 'Sleeping Bag', price: [49, 399] },
          { name: 'Camp Stove', price: [29, 179] },
          { name: 'Lantern', price: [19, 79] },
        ],
        adjectives: ['Ultralight', 'Two-Person', 'Four-Season', 'Backpacking', 'Family', 'Weatherproof', 'Compact', 'Rechargeable', 'Insulated', 'Freestanding', 'Trail', 'Basecamp'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
      {
        slug: 'hiking-gear',
        name: 'Hiking Gear',
        description: 'Daypacks, trekking poles and hydration for long days on the trail.',
        weight: 1,
        types: [
          { name: 'Daypack', price: [39, 189], sizes: ['18 L', '24 L', '28 L', '32 L'] },
          { name: 'Trekking Poles', price: [39, 169] },
          { name: 'Hydration Pack', price: [35, 139] },
          { name: 'Headlamp', price: [19, 99] },
        ],
        adjectives: ['Lightweight', 'Carbon', 'Ventilated', 'Collapsible', 'Alpine', 'Trail', 'Weatherproof', 'Ridge', 'Technical', 'Everyday', 'Adventure', 'Fast-Pack'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
      {
        slug: 'travel-gear',
        name: 'Travel Gear',
        description: 'Duffels, carry-ons and organisers that make packing and travelling easier.',
        weight: 0.9,
        types: [
          { name: 'Duffel Bag', price: [49, 229] },
          { name: 'Packing Cubes', price: [19, 59] },
          { name: 'Travel Pillow', price: [15, 49] },
          { name: 'Carry-On Suitcase', price: [129, 499] },
        ],
        adjectives: ['Expandable', 'Water-Resistant', 'Weekender', 'Hardside', 'Packable', 'Compression', 'Memory Foam', 'Convertible', 'Lightweight', 'Roll-Top', 'Travel-Ready', 'Modular'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is built to handle wind, rain and rough handling without complaint.',
      'Field-tested on real trips, the {name} keeps things simple when conditions are not.',
      'The {name} packs down small and performs when it matters.',
    ],
    use: [
      'Ideal for weekend trips, long hikes and everything in between.',
      'Reinforced seams and quality zips stand up to years of use.',
      'Light enough to carry all day and tough enough for rocky campsites.',
    ],
    care: ['Air dry after use and store loosely in a cool, dry place.', 'Spot clean with mild soap; do not machine wash or dry clean.'],
    box: ['Comes with a stuff sack and a repair kit.', 'Backed by a lifetime repair programme.'],
  },
  {
    slug: 'apparel',
    name: 'Apparel',
    description: 'Everyday clothing, outerwear, footwear and accessories made from better fabrics.',
    subs: [
      {
        slug: 'tops',
        name: 'Tops',
        description: 'T-shirts, hoodies, flannels and sweaters for layering in every season.',
        weight: 1.1,
        types: [
          { name: 'T-Shirt', price: [19, 49] },
          { name: 'Hoodie', price: [49, 119] },
          { name: 'Flannel Shirt', price: [39, 99] },
          { name: 'Sweater', price: [59, 179] },
        ],
        adjectives: ['Organic Cotton', 'Heavyweight', 'Relaxed-Fit', 'Slim-Fit', 'Merino', 'Brushed', 'Oversized', 'Garment-Dyed', 'Everyday', 'Ribbed', 'Pocket', 'Classic'],
        descriptors: APPAREL_COLORS,
        kind: 'color',
      },
      {
        slug: 'outerwear',
        name: 'Outerwear',
        description: 'Rain shells, insulated jackets and fleeces for cold and wet weather.',
        weight: 0.9,
        types: [
          { name: 'Rain Jacket', price: [79, 299] },
          { name: 'Puffer Jacket', price: [99, 349] },
          { name: 'Fleece Jacket', price: [49, 149] },
          { name: 'Softshell Vest', price: [49, 129] },
        ],
        adjectives: ['Packable', 'Insulated', 'Waterproof', 'Recycled', 'Hooded', 'Windproof', 'Lightweight', 'Quilted', 'Storm', 'Urban', 'Alpine', 'Heritage'],
        descriptors: APPAREL_COLORS,
        kind: 'color',
      },
      {
        slug: 'footwear',
        name: 'Footwear',
        description: 'Sneakers, boots and slippers designed for comfort from the first wear.',
        weight: 0.8,
        types: [
          { name: 'Sneakers', price: [59, 179] },
          { name: 'Hiking Boots', price: [99, 259] },
          { name: 'Slippers', price: [25, 79] },
          { name: 'Chelsea Boots', price: [119, 289] },
        ],
        adjectives: ['Leather', 'Suede', 'Canvas', 'Waterproof', 'Knit', 'Low-Top', 'High-Top', 'Shearling-Lined', 'Trail', 'Everyday', 'Minimal', 'Cushioned'],
        descriptors: APPAREL_COLORS,
        kind: 'color',
      },
      {
        slug: 'socks-accessories',
        name: 'Socks & Accessories',
        description: 'Socks, beanies, scarves and belts that finish an outfit.',
        weight: 0.9,
        types: [
          { name: 'Crew Socks', price: [8, 19] },
          { name: 'Beanie', price: [15, 45] },
          { name: 'Scarf', price: [25, 89] },
          { name: 'Belt', price: [29, 89] },
        ],
        adjectives: ['Merino', 'Cushioned', 'Cashmere-Blend', 'Ribbed', 'Chunky', 'Lambswool', 'Full-Grain', 'Organic', 'Striped', 'Everyday', 'Hiking', 'Classic'],
        descriptors: APPAREL_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is cut for an easy, true-to-size fit that works on its own or layered.',
      'Made in small batches, the {name} uses fabrics chosen for softness and durability.',
      'The {name} is the everyday piece you will end up wearing more than anything else.',
    ],
    use: [
      'Pre-shrunk, so it keeps its shape wash after wash.',
      'Breathable enough for mild days, warm enough when the temperature drops.',
      'Reinforced stitching at stress points adds years to its life.',
    ],
    care: ['Machine wash cold, inside out, and line dry.', 'Wash with similar colours; do not bleach.'],
    box: ['Shipped in a recycled mailer with a printed size guide.', 'Free exchanges on sizing within 30 days.'],
  },
  {
    slug: 'beauty',
    name: 'Beauty & Personal Care',
    description: 'Skincare, hair care and bath products made with gentle, well-tested ingredients.',
    subs: [
      {
        slug: 'skincare',
        name: 'Skincare',
        description: 'Cleansers, serums and moisturisers for a simple, effective daily routine.',
        weight: 0.9,
        types: [
          { name: 'Face Cream', price: [18, 69] },
          { name: 'Facial Cleanser', price: [12, 39] },
          { name: 'Face Serum', price: [19, 79] },
          { name: 'Lip Balm', price: [5, 15] },
        ],
        adjectives: ['Hydrating', 'Gentle', 'Brightening', 'Soothing', 'Daily', 'Overnight', 'Vitamin C', 'Barrier-Repair', 'Lightweight', 'Rich', 'Botanical', 'Sensitive-Skin'],
        descriptors: SCENTS,
        kind: 'scent',
      },
      {
        slug: 'hair-care',
        name: 'Hair Care',
        description: 'Shampoos, conditioners and treatments for every hair type.',
        weight: 0.8,
        types: [
          { name: 'Shampoo', price: [10, 34] },
          { name: 'Conditioner', price: [10, 34] },
          { name: 'Hair Mask', price: [16, 44] },
          { name: 'Scalp Serum', price: [19, 49] },
        ],
        adjectives: ['Argan Oil', 'Volumising', 'Repairing', 'Clarifying', 'Curl-Defining', 'Moisture', 'Sulfate-Free', 'Strengthening', 'Smoothing', 'Daily', 'Colour-Safe', 'Nourishing'],
        descriptors: SCENTS,
        kind: 'scent',
      },
      {
        slug: 'bath-body',
        name: 'Bath & Body',
        description: 'Body washes, soaps, bath salts and hand creams for everyday self-care.',
        weight: 0.8,
        types: [
          { name: 'Body Wash', price: [9, 29] },
          { name: 'Bath Salts', price: [12, 34] },
          { name: 'Hand Cream', price: [8, 28] },
          { name: 'Soap Bar', price: [6, 16] },
        ],
        adjectives: ['Nourishing', 'Exfoliating', 'Relaxing', 'Cold-Process', 'Mineral', 'Shea Butter', 'Invigorating', 'Calming', 'Natural', 'Gentle', 'Restorative', 'Refreshing'],
        descriptors: SCENTS,
        kind: 'scent',
      },
    ],
    intro: [
      'The {name} is formulated to be gentle enough for daily use on all skin types.',
      'Dermatologist-tested and cruelty-free, the {name} keeps the ingredient list short and purposeful.',
      'The {name} turns an everyday routine into a small moment of calm.',
    ],
    use: ['Apply a small amount morning and evening, or as often as needed.', 'Free from parabens, sulfates and synthetic dyes.', 'Suitable for vegans and packaged in recyclable materials.'],
    care: ['Store in a cool, dry place away from direct sunlight.', 'Best used within 12 months of opening.'],
    box: ['Comes in a recyclable glass or aluminium container.', 'Each batch is tested for stability and skin tolerance.'],
  },
  {
    slug: 'toys-games',
    name: 'Toys & Games',
    description: 'Board games, puzzles, building sets and playful toys for kids and grown-ups.',
    subs: [
      {
        slug: 'board-games',
        name: 'Board Games & Puzzles',
        description: 'Strategy games, party games and jigsaw puzzles for game nights at home.',
        weight: 0.9,
        types: [
          { name: 'Board Game', price: [19, 79] },
          { name: 'Card Game', price: [9, 29] },
          { name: 'Jigsaw Puzzle', price: [14, 39], sizes: ['500 Pieces', '1000 Pieces', '1500 Pieces'] },
          { name: 'Dice Game', price: [9, 29] },
        ],
        adjectives: ['Strategy', 'Cooperative', 'Party', 'Family', 'Trivia', 'Word', 'Deduction', 'Quick-Play', 'Classic', 'Two-Player', 'Adventure', 'Puzzle-Box'],
        descriptors: EDITIONS,
        kind: 'edition',
      },
      {
        slug: 'building-sets',
        name: 'Building Sets',
        description: 'Construction kits, marble runs and magnetic tiles that encourage creative play.',
        weight: 0.8,
        types: [
          { name: 'Building Set', price: [19, 149] },
          { name: 'Marble Run', price: [29, 119] },
          { name: 'Magnetic Tiles', price: [29, 99] },
          { name: 'Robotics Kit', price: [49, 199] },
        ],
        adjectives: ['Creative', 'Architect', 'Wooden', 'STEM', 'Modular', 'Deluxe', 'Starter', 'Engineering', 'Space', 'City', 'Castle', 'Motorised'],
        descriptors: EDITIONS,
        kind: 'edition',
      },
      {
        slug: 'kids-toys',
        name: 'Kids Toys',
        description: 'Plush friends, wooden toys and outdoor play for younger children.',
        weight: 0.8,
        types: [
          { name: 'Plush Bear', price: [15, 49] },
          { name: 'Wooden Train Set', price: [29, 129] },
          { name: 'Stacking Blocks', price: [15, 49] },
          { name: 'Kite', price: [15, 59] },
        ],
        adjectives: ['Cuddly', 'Wooden', 'Rainbow', 'Montessori', 'Musical', 'Pastel', 'Giant', 'Heirloom', 'Pocket', 'Story-Time', 'Explorer', 'Sunny'],
        descriptors: EDITIONS,
        kind: 'edition',
      },
    ],
    intro: [
      'The {name} is designed to get everyone around the table, from first-time players to seasoned fans.',
      'Bright, sturdy and endlessly replayable, the {name} is made for real play.',
      'The {name} rewards curiosity and creativity in equal measure.',
    ],
    use: [
      'Rounds take 20 to 45 minutes, so there is always time for one more.',
      'Every piece is made from non-toxic, child-safe materials.',
      'Clear, illustrated instructions make it easy to get started.',
    ],
    care: ['Wipe clean with a damp cloth; keep away from open flames.', 'Store pieces in the included box to keep the set complete.'],
    box: ['Everything you need is in the box, including a rulebook and storage insert.', 'Contains small parts; not suitable for children under three.'],
  },
  {
    slug: 'books-stationery',
    name: 'Books & Stationery',
    description: 'Notebooks, pens, desk organisers and practical books for planners and makers.',
    subs: [
      {
        slug: 'notebooks-journals',
        name: 'Notebooks & Journals',
        description: 'Notebooks, planners and sketchbooks on paper that fountain pens love.',
        weight: 0.9,
        types: [
          { name: 'Notebook', price: [9, 34] },
          { name: 'Journal', price: [14, 44] },
          { name: 'Weekly Planner', price: [15, 39] },
          { name: 'Sketchbook', price: [12, 39] },
        ],
        adjectives: ['Hardcover', 'Softcover', 'Lay-Flat', 'Linen-Bound', 'Leather', 'Recycled', 'Undated', 'Pocket', 'Spiral', 'Field', 'Classic', 'Travel'],
        descriptors: ['A5 Dot Grid', 'A5 Lined', 'A4 Blank', 'B5 Squared', 'A6 Dot Grid', 'Pocket Lined', 'A5 Blank', 'B6 Dot Grid'],
        kind: 'format',
      },
      {
        slug: 'writing-instruments',
        name: 'Writing Instruments',
        description: 'Fountain pens, gel pens, pencils and markers for writing and drawing.',
        weight: 0.8,
        types: [
          { name: 'Fountain Pen', price: [19, 199] },
          { name: 'Gel Pen Set', price: [9, 29] },
          { name: 'Mechanical Pencil', price: [7, 49] },
          { name: 'Marker Set', price: [12, 59] },
        ],
        adjectives: ['Brass', 'Aluminium', 'Fine-Point', 'Retractable', 'Refillable', 'Drafting', 'Brush-Tip', 'Pocket', 'Everyday', 'Archival', 'Dual-Tip', 'Classic'],
        descriptors: TECH_COLORS,
        kind: 'color',
      },
      {
        slug: 'desk-organization',
        name: 'Desk Organisation',
        description: 'Organisers, trays, bookends and pencil cases that keep a desk tidy.',
        weight: 0.7,
        types: [
          { name: 'Desk Organiser', price: [19, 79] },
          { name: 'Letter Tray', price: [15, 49] },
          { name: 'Bookends', price: [19, 59] },
          { name: 'Pencil Case', price: [9, 34] },
        ],
        adjectives: ['Modular', 'Stackable', 'Minimal', 'Handcrafted', 'Compact', 'Felt-Lined', 'Industrial', 'Tiered', 'Magnetic', 'Slimline', 'Studio', 'Classic'],
        descriptors: WOODS,
        kind: 'material',
      },
      {
        slug: 'books',
        name: 'Books',
        description: 'Cookbooks, field guides and illustrated books for curious readers.',
        weight: 0.7,
        types: [
          { name: 'Cookbook', price: [19, 49] },
          { name: 'Field Guide', price: [14, 39] },
          { name: 'Travel Guide', price: [14, 34] },
          { name: 'Art Book', price: [24, 79] },
        ],
        adjectives: ['Illustrated', 'Essential', 'Complete', 'Pocket', 'Weeknight', 'Seasonal', 'Beginner', 'Modern', 'Classic', 'Regional', 'Visual', 'Practical'],
        descriptors: ['Hardcover', 'Paperback', 'Spiral-Bound', 'Large Print', 'Signed Edition', 'Second Edition'],
        kind: 'format',
      },
    ],
    intro: [
      'The {name} is made for people who still like to think on paper.',
      'Carefully produced and pleasant to use, the {name} is a small daily upgrade.',
      'The {name} is as useful on a busy desk as it is in a bag on the go.',
    ],
    use: [
      'Printed on 100 gsm acid-free paper that handles fountain pen ink without bleed-through.',
      'A great gift for students, planners and anyone who writes things down.',
      'Sized to fit comfortably in a bag or on a crowded desk.',
    ],
    care: ['Keep away from moisture and direct sunlight to preserve colours.', 'Replacement refills and inserts are sold separately.'],
    box: ['Wrapped in recyclable paper packaging.', 'Includes a ribbon bookmark and a back pocket for loose notes.'],
  },
  {
    slug: 'sports-fitness',
    name: 'Sports & Fitness',
    description: 'Home gym equipment, cycling gear and team sports essentials.',
    subs: [
      {
        slug: 'fitness-equipment',
        name: 'Fitness Equipment',
        description: 'Yoga mats, weights and resistance bands for effective workouts at home.',
        weight: 1,
        types: [
          { name: 'Yoga Mat', price: [25, 119] },
          { name: 'Dumbbell Set', price: [39, 399], sizes: ['10 kg', '24 kg', '40 kg'] },
          { name: 'Kettlebell', price: [29, 129], sizes: ['8 kg', '12 kg', '16 kg', '20 kg'] },
          { name: 'Resistance Bands', price: [15, 49] },
        ],
        adjectives: ['Non-Slip', 'Adjustable', 'Competition', 'Eco', 'Cushioned', 'Compact', 'Pro', 'Studio', 'Travel', 'Heavy-Duty', 'Grip', 'Essential'],
        descriptors: ['Natural Rubber', 'Cast Iron', 'Cork', 'TPE', 'Neoprene', 'Latex-Free', 'Powder-Coated Steel', 'Recycled Foam'],
        kind: 'material',
      },
      {
        slug: 'cycling',
        name: 'Cycling',
        description: 'Helmets, lights, locks and gloves for commuting and weekend rides.',
        weight: 0.8,
        types: [
          { name: 'Bike Helmet', price: [49, 229] },
          { name: 'Bike Light Set', price: [19, 99] },
          { name: 'Bike Lock', price: [25, 129] },
          { name: 'Cycling Gloves', price: [15, 59] },
        ],
        adjectives: ['Commuter', 'Road', 'Gravel', 'Urban', 'Rechargeable', 'High-Visibility', 'Folding', 'Aero', 'Trail', 'MIPS', 'Heavy-Duty', 'Padded'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
      {
        slug: 'team-sports',
        name: 'Team Sports',
        description: 'Balls, rackets and sets for the court, the pitch and the back garden.',
        weight: 0.8,
        types: [
          { name: 'Soccer Ball', price: [15, 149] },
          { name: 'Basketball', price: [19, 99] },
          { name: 'Tennis Racket', price: [39, 249] },
          { name: 'Badminton Set', price: [29, 99] },
        ],
        adjectives: ['Match', 'Training', 'Indoor', 'Outdoor', 'Tournament', 'Junior', 'Pro', 'Street', 'Club', 'All-Court', 'Backyard', 'Championship'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} is built for consistent training, session after session.',
      'Whether you are just starting out or chasing a personal best, the {name} keeps up.',
      'The {name} delivers the grip, feel and durability serious athletes expect.',
    ],
    use: ['Suitable for home workouts, club training and outdoor sessions.', 'Compact enough to store under a bed or in a hallway cupboard.', 'Tested to international safety standards.'],
    care: ['Wipe down after each session and let dry before storing.', 'Store indoors away from extreme temperatures.'],
    box: ['Comes with a printed training guide and a one-year warranty.', 'Includes a storage bag for easy transport.'],
  },
  {
    slug: 'garden',
    name: 'Garden',
    description: 'Planters, tools and outdoor living essentials for balconies, patios and backyards.',
    subs: [
      {
        slug: 'planters-pots',
        name: 'Planters & Pots',
        description: 'Indoor pots, hanging planters and raised beds for growing anything anywhere.',
        weight: 0.8,
        types: [
          { name: 'Planter', price: [19, 129] },
          { name: 'Hanging Planter', price: [15, 59] },
          { name: 'Raised Garden Bed', price: [79, 299] },
          { name: 'Plant Pot Set', price: [19, 69] },
        ],
        adjectives: ['Glazed', 'Self-Watering', 'Terracotta', 'Ribbed', 'Minimal', 'Footed', 'Oversized', 'Balcony', 'Modern', 'Rustic', 'Tall', 'Low'],
        descriptors: HOME_COLORS,
        kind: 'color',
      },
      {
        slug: 'garden-tools',
        name: 'Garden Tools',
        description: 'Pruners, trowels, watering cans and gloves built for years of gardening.',
        weight: 0.8,
        types: [
          { name: 'Pruning Shears', price: [19, 79] },
          { name: 'Garden Trowel', price: [12, 39] },
          { name: 'Watering Can', price: [19, 69] },
          { name: 'Gardening Gloves', price: [12, 34] },
        ],
        adjectives: ['Bypass', 'Ergonomic', 'Forged', 'Heritage', 'Long-Reach', 'Lightweight', 'Heavy-Duty', 'Precision', 'Compact', 'Classic', 'Pro', 'Thornproof'],
        descriptors: ['Stainless Steel', 'Carbon Steel', 'Ash Wood', 'Galvanised Steel', 'Recycled Plastic', 'Leather', 'Copper', 'Bamboo'],
        kind: 'material',
      },
      {
        slug: 'outdoor-living',
        name: 'Outdoor Living',
        description: 'String lights, cushions and bird feeders to make outdoor spaces inviting.',
        weight: 0.8,
        types: [
          { name: 'String Lights', price: [19, 79], sizes: ['5 m', '10 m', '15 m'] },
          { name: 'Outdoor Cushion', price: [25, 79] },
          { name: 'Bird Feeder', price: [15, 59] },
          { name: 'Fire Pit', price: [99, 399] },
        ],
        adjectives: ['Solar', 'Weatherproof', 'Festoon', 'Fade-Resistant', 'Hanging', 'Smokeless', 'Portable', 'Classic', 'Modern', 'Cosy', 'Patio', 'Garden'],
        descriptors: OUTDOOR_COLORS,
        kind: 'color',
      },
    ],
    intro: [
      'The {name} makes it easier to enjoy your garden, balcony or patio in every season.',
      'Built for the outdoors, the {name} shrugs off sun, rain and frost.',
      'The {name} is designed by gardeners for gardeners.',
    ],
    use: ['Perfect for small balconies as well as larger gardens.', 'UV-stabilised materials keep colours from fading in summer sun.', 'Easy to set up with no tools required.'],
    care: ['Rinse with water after use and store indoors over winter.', 'Oil moving parts occasionally to keep them working smoothly.'],
    box: ['Arrives with simple assembly instructions and all fixings.', 'Covered by a three-year weather guarantee.'],
  },
]

const MATERIAL_SENTENCES: Record<DescriptorKind, readonly string[]> = {
  color: [
    'Finished in {descLc} with a durable, easy-to-clean surface.',
    'The {descLc} colourway is understated enough to suit any setup.',
    'Available here in {descLc}, a shade chosen to age gracefully.',
  ],
  material: [
    'Crafted from {descLc} for lasting everyday use.',
    'The {descLc} construction is sturdy, well balanced and built to last.',
    'Made from {descLc}, chosen for durability and an honest, tactile finish.',
  ],
  scent: ['This version features a {descLc} profile that is subtle rather than overpowering.', 'The {descLc} variant is made with naturally derived ingredients.'],
  edition: ['This {desc} includes extra content and sturdier components than the standard set.', 'The {desc} is packaged for easy storage and quick set-up.'],
  format: ['This {desc} version is thoughtfully typeset and sturdily bound.', 'Offered here in {desc} format, a favourite with regular customers.'],
}

// ---------------------------------------------------------------------------
// Artwork: the motif (an icon of the Fluent Emoji Flat set) each product type is drawn with,
// and the colour each descriptor stands for. A product's picture is its type's motif on a
// background in its colour; db/seed/catalog-data.test.ts checks every motif exists and belongs
// to the product's category.
// ---------------------------------------------------------------------------

export const PRODUCT_TYPE_MOTIFS: Readonly<Record<string, string>> = {
  Headphones: 'headphone',
  Earbuds: 'headphone',
  'In-Ear Monitors': 'headphone',
  'Neckband Earphones': 'headphone',
  'Bluetooth Speaker': 'speaker-high-volume',
  'Bookshelf Speakers': 'speaker-medium-volume',
  Soundbar: 'speaker-medium-volume',
  'Party Speaker': 'speaker-high-volume',
  Turntable: 'optical-disk',
  'Stereo Amplifier': 'control-knobs',
  'Phono Preamp': 'control-knobs',
  'Streaming DAC': 'radio',
  'Headphone Stand': 'headphone',
  'Carrying Case': 'briefcase',
  'Audio Cable': 'electric-plug',
  'Replacement Ear Pads': 'headphone',
  'Mechanical Keyboard': 'keyboard',
  'Wireless Mouse': 'computer-mouse',
  Trackpad: 'trackball',
  'Desk Mat': 'keyboard',
  'Laptop Sleeve': 'laptop',
  'Laptop Stand': 'laptop',
  'USB-C Hub': 'electric-plug',
  'Docking Station': 'desktop-computer',
  'Portable SSD': 'computer-disk',
  'Power Bank': 'battery',
  'USB-C Charger': 'electric-plug',
  'Charging Cable': 'electric-plug',
  Skillet: 'cooking',
  'Dutch Oven': 'pot-of-food',
  "Chef's Knife": 'kitchen-knife',
  Kettle: 'teapot',
  'Cutting Board': 'kitchen-knife',
  'Dinner Plate Set': 'fork-and-knife-with-plate',
  'Coffee Mug': 'hot-beverage',
  'Serving Bowl': 'bowl-with-spoon',
  'Tumbler Set': 'tumbler-glass',
  'Table Lamp': 'light-bulb',
  'Throw Pillow': 'couch-and-lamp',
  'Wall Clock': 'mantelpiece-clock',
  Vase: 'amphora',
  'Duvet Cover': 'bed',
  'Bath Towel Set': 'bathtub',
  'Sheet Set': 'bed',
  'Throw Blanket': 'couch-and-lamp',
  Tent: 'camping',
  'Sleeping Bag': 'camping',
  'Camp Stove': 'fire',
  Lantern: 'flashlight',
  Daypack: 'backpack',
  'Trekking Poles': 'hiking-boot',
  'Hydration Pack': 'backpack',
  Headlamp: 'flashlight',
  'Duffel Bag': 'luggage',
  'Packing Cubes': 'package',
  'Travel Pillow': 'luggage',
  'Carry-On Suitcase': 'luggage',
  'T-Shirt': 't-shirt',
  Hoodie: 'coat',
  'Flannel Shirt': 't-shirt',
  Sweater: 'coat',
  'Rain Jacket': 'coat',
  'Puffer Jacket': 'coat',
  'Fleece Jacket': 'coat',
  'Softshell Vest': 'coat',
  Sneakers: 'running-shoe',
  'Hiking Boots': 'hiking-boot',
  Slippers: 'flat-shoe',
  'Chelsea Boots': 'womans-boot',
  'Crew Socks': 'socks',
  Beanie: 'billed-cap',
  Scarf: 'scarf',
  Belt: 'jeans',
  'Face Cream': 'lotion-bottle',
  'Facial Cleanser': 'soap',
  'Face Serum': 'test-tube',
  'Lip Balm': 'lipstick',
  Shampoo: 'lotion-bottle',
  Conditioner: 'lotion-bottle',
  'Hair Mask': 'jar',
  'Scalp Serum': 'droplet',
  'Body Wash': 'bubbles',
  'Bath Salts': 'bathtub',
  'Hand Cream': 'lotion-bottle',
  'Soap Bar': 'soap',
  'Board Game': 'chess-pawn',
  'Card Game': 'joker',
  'Jigsaw Puzzle': 'puzzle-piece',
  'Dice Game': 'game-die',
  'Building Set': 'brick',
  'Marble Run': 'pool-8-ball',
  'Magnetic Tiles': 'magnet',
  'Robotics Kit': 'robot',
  'Plush Bear': 'teddy-bear',
  'Wooden Train Set': 'train',
  'Stacking Blocks': 'brick',
  Kite: 'kite',
  Notebook: 'notebook',
  Journal: 'notebook-with-decorative-cover',
  'Weekly Planner': 'spiral-calendar',
  Sketchbook: 'spiral-notepad',
  'Fountain Pen': 'fountain-pen',
  'Gel Pen Set': 'pen',
  'Mechanical Pencil': 'pencil',
  'Marker Set': 'crayon',
  'Desk Organiser': 'card-index-dividers',
  'Letter Tray': 'inbox-tray',
  Bookends: 'books',
  'Pencil Case': 'straight-ruler',
  Cookbook: 'green-book',
  'Field Guide': 'closed-book',
  'Travel Guide': 'world-map',
  'Art Book': 'artist-palette',
  'Yoga Mat': 'person-in-lotus-position',
  'Dumbbell Set': 'person-lifting-weights',
  Kettlebell: 'person-lifting-weights',
  'Resistance Bands': 'flexed-biceps',
  'Bike Helmet': 'bicycle',
  'Bike Light Set': 'flashlight',
  'Bike Lock': 'locked',
  'Cycling Gloves': 'gloves',
  'Soccer Ball': 'soccer-ball',
  Basketball: 'basketball',
  'Tennis Racket': 'tennis',
  'Badminton Set': 'badminton',
  Planter: 'potted-plant',
  'Hanging Planter': 'herb',
  'Raised Garden Bed': 'seedling',
  'Plant Pot Set': 'cactus',
  'Pruning Shears': 'scissors',
  'Garden Trowel': 'seedling',
  'Watering Can': 'droplet',
  'Gardening Gloves': 'gloves',
  'String Lights': 'light-bulb',
  'Outdoor Cushion': 'chair',
  'Bird Feeder': 'bird',
  'Fire Pit': 'fire',
}

/** Colours behind the artwork, by descriptor (colour, material, scent or edition). */
export const DESCRIPTOR_COLORS: Readonly<Record<string, string>> = {
  'Matte Black': '#2f3136',
  Graphite: '#4b4f56',
  'Arctic White': '#eef1f4',
  'Midnight Blue': '#1f2f57',
  'Sage Green': '#9cae8f',
  Sandstone: '#d9c3a0',
  'Slate Grey': '#6b7683',
  Coral: '#f08a70',
  Silver: '#c4c9cf',
  'Forest Green': '#2f5d3f',
  Oat: '#e6d8bd',
  Charcoal: '#3a3d41',
  Terracotta: '#c8674a',
  Sage: '#a3b497',
  Ivory: '#f4efe2',
  Navy: '#22335c',
  Mustard: '#d8a93b',
  'Dusty Rose': '#d4a0a0',
  Stone: '#b8b0a3',
  Olive: '#77804a',
  'Heather Grey': '#a8a9ad',
  Black: '#26272b',
  Rust: '#b5552e',
  Ecru: '#e9e0c9',
  Burgundy: '#7b2436',
  'Sky Blue': '#8fc1e8',
  Forest: '#2f5d3f',
  Sand: '#dcc9a3',
  'Alpine Green': '#3f7a52',
  'Glacier Blue': '#8cc4dc',
  'Desert Tan': '#c9a77c',
  'Signal Orange': '#f0782d',
  Moss: '#6b7d3f',
  'Storm Grey': '#6e767e',
  Ochre: '#c99a2e',
  'Sierra Red': '#b53a2e',
  Lavender: '#b7a6d9',
  Citrus: '#f3c64a',
  'Green Tea': '#a9c27a',
  Rose: '#e9a3b5',
  Sandalwood: '#c59b76',
  Eucalyptus: '#8fb9a8',
  Coconut: '#efe6d6',
  Cedar: '#a0674a',
  'Fragrance-Free': '#dfe8ee',
  Vanilla: '#f3e3b5',
  Oak: '#c9a26b',
  Walnut: '#7a5236',
  Bamboo: '#d5c27e',
  Ash: '#d8ccb4',
  Beech: '#dcb88a',
  'Powder-Coated Steel': '#5b636b',
  Cork: '#c49a6c',
  'Recycled Plastic': '#7fb3a6',
  'Cast Iron': '#3b3b3d',
  'Stainless Steel': '#b9bfc5',
  'Carbon Steel': '#55595e',
  Copper: '#c27b4e',
  Ceramic: '#e8e1d6',
  'Hard-Anodised Aluminium': '#4f5359',
  Enamel: '#d9534f',
  'End-Grain Walnut': '#6f4a30',
  'Olive Wood': '#b59a6a',
  'Tri-Ply Steel': '#a9afb5',
}

// ---------------------------------------------------------------------------
// Categories
// ---------------------------------------------------------------------------

function buildCategories(): SeedCategory[] {
  const out: SeedCategory[] = []
  TOPS.forEach((top, ti) => {
    out.push({ slug: top.slug, name: top.name, description: top.description, parentSlug: null, position: ti })
    top.subs.forEach((sub, si) => {
      out.push({ slug: sub.slug, name: sub.name, description: sub.description, parentSlug: top.slug, position: si })
    })
  })
  return out
}

export const seedCategories: SeedCategory[] = buildCategories()

// ---------------------------------------------------------------------------
// Hand-written hero products (interleaved into the first ~200)
// ---------------------------------------------------------------------------

type Hero = {
  name: string
  /** One of the subcategory's product types: the motif and the reviews' wording follow it. */
  type: string
  sub: string
  priceCents: number
  featured: boolean
  descriptor: string
  description?: string
}

const HEROES: readonly Hero[] = [
  { name: 'Aurora Wireless Headphones', type: 'Headphones', sub: 'headphones-earbuds', priceCents: 19900, featured: true, descriptor: 'Matte Black' },
  {
    name: 'Cast Iron Skillet 26 cm',
    type: 'Skillet',
    sub: 'kitchen-essentials',
    priceCents: 3999,
    featured: true,
    descriptor: 'Cast Iron',
    description:
      'A pre-seasoned cast iron skillet that goes from hob to oven to table. It holds heat evenly for a deep sear on steaks and crisp edges on cornbread. Hand wash, dry immediately and wipe with a thin layer of oil to keep the seasoning in top shape.',
  },
  { name: 'Nimbus Noise-Cancelling Headphones', type: 'Headphones', sub: 'headphones-earbuds', priceCents: 29900, featured: true, descriptor: 'Graphite' },
  { name: 'Low-Profile Mechanical Keyboard', type: 'Mechanical Keyboard', sub: 'keyboards-mice', priceCents: 11900, featured: true, descriptor: 'Slate Grey' },
  {
    name: 'Studio Monitor Headphones',
    type: 'Headphones',
    sub: 'headphones-earbuds',
    priceCents: 14900,
    featured: true,
    descriptor: 'Matte Black',
    description:
      'Closed-back studio monitor headphones with a flat, honest frequency response for mixing and tracking. Replaceable velour ear pads and a coiled cable make them comfortable and dependable for long sessions. In the box: a 3 m coiled cable, a 6.35 mm adapter and a carry pouch.',
  },
  { name: 'Echo True Wireless Earbuds', type: 'Earbuds', sub: 'headphones-earbuds', priceCents: 12900, featured: true, descriptor: 'Arctic White' },
  { name: 'Two-Person Backpacking Tent', type: 'Tent', sub: 'camping', priceCents: 27900, featured: true, descriptor: 'Alpine Green' },
  { name: 'Packable Rain Jacket', type: 'Rain Jacket', sub: 'outerwear', priceCents: 11900, featured: true, descriptor: 'Navy' },
  { name: 'Cork Yoga Mat', type: 'Yoga Mat', sub: 'fitness-equipment', priceCents: 6900, featured: true, descriptor: 'Cork' },
  {
    name: 'Oakline Walnut Audio Stand',
    type: 'Headphone Stand',
    sub: 'audio-accessories',
    priceCents: 4900,
    featured: false,
    descriptor: 'Walnut',
    description:
      'A solid walnut desk stand that keeps your headphones off the desk and their headband in shape. A weighted base and felt pads keep it steady without scratching surfaces. Finish with a little furniture oil once a year.',
  },
  { name: 'Pulse Over-Ear Headphones', type: 'Headphones', sub: 'headphones-earbuds', priceCents: 8999, featured: false, descriptor: 'Coral' },
  {
    name: 'Cast Iron Dutch Oven 5.5 L',
    type: 'Dutch Oven',
    sub: 'kitchen-essentials',
    priceCents: 8999,
    featured: false,
    descriptor: 'Cast Iron',
    description:
      'An enamelled cast iron Dutch oven sized for stews, braises and no-knead bread. The tight-fitting lid locks in moisture and the enamel needs no seasoning. Hand wash recommended; safe in the oven up to 260 °C.',
  },
  { name: 'Drift Sport Earbuds', type: 'Earbuds', sub: 'headphones-earbuds', priceCents: 5999, featured: false, descriptor: 'Sage Green' },
  {
    name: 'Hardshell Travel Case',
    type: 'Carrying Case',
    sub: 'audio-accessories',
    priceCents: 2999,
    featured: false,
    descriptor: 'Graphite',
    description: 'A crush-resistant travel case that protects folding over-ear headphones in a packed bag. An inner mesh pocket holds cables and adapters. Wipe clean with a damp cloth.',
  },
  { name: 'Halo Noise-Cancelling Earbuds', type: 'Earbuds', sub: 'headphones-earbuds', priceCents: 19999, featured: false, descriptor: 'Midnight Blue' },
  { name: 'Kids Volume-Limiting Headphones', type: 'Headphones', sub: 'headphones-earbuds', priceCents: 3999, featured: false, descriptor: 'Coral' },
  { name: 'Orbit Portable Bluetooth Speaker', type: 'Bluetooth Speaker', sub: 'speakers', priceCents: 7999, featured: false, descriptor: 'Midnight Blue' },
  { name: "Carbon Steel Chef's Knife 20 cm", type: "Chef's Knife", sub: 'kitchen-essentials', priceCents: 6999, featured: false, descriptor: 'Carbon Steel' },
  { name: 'Merino Crew Socks', type: 'Crew Socks', sub: 'socks-accessories', priceCents: 1699, featured: false, descriptor: 'Heather Grey' },
  { name: 'Ergonomic Wireless Mouse', type: 'Wireless Mouse', sub: 'keyboards-mice', priceCents: 4999, featured: false, descriptor: 'Matte Black' },
  { name: 'Belt-Drive Vinyl Turntable', type: 'Turntable', sub: 'hi-fi-turntables', priceCents: 24900, featured: false, descriptor: 'Silver' },
  { name: 'Gooseneck Pour-Over Kettle', type: 'Kettle', sub: 'kitchen-essentials', priceCents: 5499, featured: false, descriptor: 'Stainless Steel' },
  { name: 'Organic Cotton T-Shirt', type: 'T-Shirt', sub: 'tops', priceCents: 2499, featured: false, descriptor: 'Ecru' },
  { name: 'Aluminium Laptop Stand', type: 'Laptop Stand', sub: 'laptop-accessories', priceCents: 4900, featured: false, descriptor: 'Silver' },
  { name: 'Down Mummy Sleeping Bag', type: 'Sleeping Bag', sub: 'camping', priceCents: 22900, featured: false, descriptor: 'Glacier Blue' },
  { name: 'Hydrating Face Cream', type: 'Face Cream', sub: 'skincare', priceCents: 2800, featured: false, descriptor: 'Fragrance-Free' },
  { name: 'Harbor Lights Strategy Board Game', type: 'Board Game', sub: 'board-games', priceCents: 4499, featured: false, descriptor: 'Classic Edition' },
  { name: 'Dot Grid Hardcover Notebook A5', type: 'Notebook', sub: 'notebooks-journals', priceCents: 1899, featured: false, descriptor: 'A5 Dot Grid' },
  { name: 'Stoneware Coffee Mug Set of 4', type: 'Coffee Mug', sub: 'tableware', priceCents: 3400, featured: false, descriptor: 'Oat' },
  { name: '7-in-1 USB-C Hub', type: 'USB-C Hub', sub: 'laptop-accessories', priceCents: 3999, featured: false, descriptor: 'Graphite' },
  { name: 'Heavyweight Fleece Hoodie', type: 'Hoodie', sub: 'tops', priceCents: 6900, featured: false, descriptor: 'Olive' },
  { name: 'Glazed Ceramic Planter', type: 'Planter', sub: 'planters-pots', priceCents: 3400, featured: false, descriptor: 'Terracotta' },
  { name: 'Brass Fountain Pen', type: 'Fountain Pen', sub: 'writing-instruments', priceCents: 6400, featured: false, descriptor: 'Silver' },
  { name: 'Commuter Bike Light Set', type: 'Bike Light Set', sub: 'cycling', priceCents: 3999, featured: false, descriptor: 'Black' },
  { name: '1 TB Portable SSD', type: 'Portable SSD', sub: 'storage-power', priceCents: 9999, featured: false, descriptor: 'Slate Grey' },
  { name: 'Argan Oil Shampoo', type: 'Shampoo', sub: 'hair-care', priceCents: 1600, featured: false, descriptor: 'Citrus' },
  { name: 'Linen Duvet Cover Queen', type: 'Duvet Cover', sub: 'bedding-bath', priceCents: 12900, featured: false, descriptor: 'Sage' },
  { name: '1000-Piece Mountain Jigsaw Puzzle', type: 'Jigsaw Puzzle', sub: 'board-games', priceCents: 2199, featured: false, descriptor: 'Family Edition' },
  { name: 'Wooden Marble Run', type: 'Marble Run', sub: 'building-sets', priceCents: 5900, featured: false, descriptor: 'Classic Edition' },
  { name: '28 L Hiking Daypack', type: 'Daypack', sub: 'hiking-gear', priceCents: 8900, featured: false, descriptor: 'Signal Orange' },
  { name: 'Adjustable Dumbbell Set 24 kg', type: 'Dumbbell Set', sub: 'fitness-equipment', priceCents: 29900, featured: false, descriptor: 'Powder-Coated Steel' },
  { name: 'Bypass Pruning Shears', type: 'Pruning Shears', sub: 'garden-tools', priceCents: 2999, featured: false, descriptor: 'Carbon Steel' },
  { name: 'Solar String Lights 10 m', type: 'String Lights', sub: 'outdoor-living', priceCents: 3499, featured: false, descriptor: 'Black' },
  { name: 'Rechargeable Camp Lantern', type: 'Lantern', sub: 'camping', priceCents: 3499, featured: false, descriptor: 'Moss' },
  { name: 'Bamboo Headphone Hanger', type: 'Headphone Stand', sub: 'audio-accessories', priceCents: 2499, featured: false, descriptor: 'Bamboo' },
]

/** Hero products sit at every HERO_STRIDE-th index of the sequence. */
const HERO_STRIDE = 4

// ---------------------------------------------------------------------------
// Generation internals
// ---------------------------------------------------------------------------

type SubState = {
  sub: SubDef
  top: TopDef
  space: number
  multiplier: number
  offset: number
  counter: number
}

const SUB_INDEX = new Map<string, { sub: SubDef; top: TopDef }>()
for (const top of TOPS) for (const sub of top.subs) SUB_INDEX.set(sub.slug, { sub, top })

const DAY_MS = 86_400_000
const REFERENCE_END_MS = Date.UTC(2026, 10, 1) // 2026-11-01T00:00:00Z

function fill(template: string, vars: { name: string; desc: string }): string {
  return template.replace('{name}', vars.name).replace('{descLc}', vars.desc.toLowerCase()).replace('{desc}', vars.desc)
}

function buildDescription(rng: Rng, top: TopDef, kind: DescriptorKind, shortName: string, desc: string): string {
  const vars = { name: shortName, desc }
  const parts: string[] = [fill(pick(rng, top.intro), vars)]
  const extras: string[] = [fill(pick(rng, MATERIAL_SENTENCES[kind]), vars), pick(rng, top.use), pick(rng, top.care), pick(rng, top.box)]
  const want = 1 + Math.floor(rng() * 3) // 1..3 extra sentences -> 2..4 total
  // keep the natural order (material, use, care, box) but drop a few at random
  let toDrop = extras.length - want
  const keep = extras.map(() => true)
  while (toDrop > 0) {
    const i = Math.floor(rng() * extras.length)
    if (keep[i]) {
      keep[i] = false
      toDrop--
    }
  }
  extras.forEach((s, i) => {
    if (keep[i]) parts.push(s)
  })
  return parts.join(' ')
}

function priceFromRange(rng: Rng, min: number, max: number): number {
  const dollars = intBetween(rng, min, max)
  const r = rng()
  const cents = r < 0.62 ? 99 : r < 0.82 ? 0 : r < 0.96 ? 49 : 95
  return dollars * 100 + cents
}

function commonFields(rng: Rng): Pick<SeedProduct, 'stock' | 'active' | 'createdAt' | 'imageCount'> {
  const sr = rng()
  const stock = sr < 0.1 ? 0 : sr < 0.25 ? intBetween(rng, 1, 5) : intBetween(rng, 6, 250)
  const active = rng() >= 0.03
  // Ratings come from seeded reviews now (db/seed/reviews.ts); these draws keep every later value as it was.
  if (rng() >= 0.15) for (let draw = 0; draw < 3; draw++) rng()
  const ageMs = Math.floor(rng() * 365 * DAY_MS)
  const createdAt = new Date(Math.floor((REFERENCE_END_MS - 1000 - ageMs) / 1000) * 1000)
  const ir = rng()
  const imageCount = ir < 0.2 ? 1 : ir < 0.6 ? 2 : 3
  return { stock, active, createdAt, imageCount }
}

function createSubStates(seed: number): { states: SubState[]; cumulative: number[]; total: number } {
  const states: SubState[] = []
  const cumulative: number[] = []
  let total = 0
  for (const top of TOPS) {
    for (const sub of top.subs) {
      const space = sub.types.length * sub.adjectives.length * SERIES.length * sub.descriptors.length
      let multiplier = Math.floor(space * 0.6180339887) | 1
      while (gcd(multiplier, space) !== 1) multiplier++
      const offset = ((fnv1a(sub.slug) ^ mix(seed, 7)) >>> 0) % space
      states.push({ sub, top, space, multiplier, offset, counter: 0 })
      total += sub.weight
      cumulative.push(total)
    }
  }
  return { states, cumulative, total }
}

/** The artwork's motif for a product type; throws for a type missing from PRODUCT_TYPE_MOTIFS. */
export function motifForType(type: string): string {
  const motif = PRODUCT_TYPE_MOTIFS[type]
  if (!motif) throw new Error(`No artwork motif for product type ${type}`)
  return motif
}

/** Soft colours for descriptors that are not colours or materials (editions, paper formats). */
const FALLBACK_COLORS = ['#e9d8a6', '#a8d5ba', '#f2b5a7', '#b5c7e8', '#d7c0e0', '#f6d28b', '#9fc9c4', '#e8b4c8'] as const

export function colorForDescriptor(descriptor: string): string {
  return DESCRIPTOR_COLORS[descriptor] ?? FALLBACK_COLORS[fnv1a(descriptor) % FALLBACK_COLORS.length] ?? '#e9d8a6'
}

/** "Harbor Wooden Wooden Train Set" → "Harbor Wooden Train Set": an adjective that repeats the type's first word is dropped. */
export function withoutRepeatedWords(name: string): string {
  return name
    .split(' ')
    .filter((word, index, words) => index === 0 || word.toLowerCase() !== words[index - 1]?.toLowerCase())
    .join(' ')
}

function heroProduct(hero: Hero, index: number, seed: number): SeedProduct {
  const rng = mulberry32(mix(seed, index))
  const entry = SUB_INDEX.get(hero.sub)
  if (!entry) throw new Error(`unknown subcategory ${hero.sub}`)
  const description = hero.description ?? buildDescription(rng, entry.top, entry.sub.kind, hero.name, hero.descriptor)
  const common = commonFields(rng)
  return {
    slug: slugify(hero.name),
    name: hero.name,
    description,
    priceCents: hero.priceCents,
    currency: 'USD',
    ...common,
    // heroes are always purchasable so demo pages and search tests have stable targets
    stock: Math.max(common.stock, 6 + (index % 40)),
    active: true,
    featured: hero.featured,
    categorySlug: hero.sub,
    type: hero.type,
    motif: motifForType(hero.type),
    color: colorForDescriptor(hero.descriptor),
  }
}

function generatedProduct(rng: Rng, index: number, ctx: { states: SubState[]; cumulative: number[]; total: number }): SeedProduct {
  const target = rng() * ctx.total
  let si = 0
  while (si < ctx.cumulative.length - 1 && (ctx.cumulative[si] ?? Infinity) <= target) si++
  const st = ctx.states[si]
  if (!st) throw new Error('subcategory state missing')
  const { sub, top } = st
  const k = st.counter++
  const cycle = Math.floor(k / st.space)
  let r = ((k % st.space) * st.multiplier + st.offset) % st.space
  const T = sub.types.length
  const A = sub.adjectives.length
  const S = SERIES.length
  const type = sub.types[r % T]
  r = Math.floor(r / T)
  const adjective = sub.adjectives[r % A]
  r = Math.floor(r / A)
  const series = SERIES[r % S]
  r = Math.floor(r / S)
  const descriptor = sub.descriptors[r % sub.descriptors.length]
  if (!type || !adjective || !series || !descriptor) throw new Error('combination out of range')

  const size = type.sizes ? ` ${pick(rng, type.sizes)}` : ''
  const shortName = withoutRepeatedWords(`${series} ${adjective} ${type.name}${size}`)
  const name = `${shortName} – ${descriptor}${cycle > 0 ? ` Mk ${cycle + 1}` : ''}`
  const description = buildDescription(rng, top, sub.kind, shortName, descriptor)
  const priceCents = priceFromRange(rng, type.price[0], type.price[1])
  const common = commonFields(rng)
  const featured = index < 200 && common.active && common.stock > 0 && rng() < 0.04
  return {
    slug: slugify(name),
    name,
    description,
    priceCents,
    currency: 'USD',
    ...common,
    featured,
    categorySlug: sub.slug,
    type: type.name,
    motif: motifForType(type.name),
    color: colorForDescriptor(descriptor),
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Same products as `generateProducts(count, seed)`, yielded in arrays of at most `batchSize`.
 * Only one batch is alive at a time, so 100,000+ products can be inserted without holding
 * every string in memory twice.
 */
export function* generateProductBatches(count: number, batchSize: number, seed = 20261101): Generator<SeedProduct[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer')
  const ctx = createSubStates(seed)
  let heroCursor = 0
  let batch: SeedProduct[] = []
  for (let i = 0; i < count; i++) {
    let product: SeedProduct
    const hero = i % HERO_STRIDE === 0 ? HEROES[heroCursor] : undefined
    if (hero) {
      heroCursor++
      product = heroProduct(hero, i, seed)
    } else {
      product = generatedProduct(mulberry32(mix(seed, i)), i, ctx)
    }
    batch.push(product)
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** Deterministic list of `count` products for the given seed. */
export function generateProducts(count: number, seed = 20261101): SeedProduct[] {
  const out: SeedProduct[] = []
  for (const batch of generateProductBatches(count, 10_000, seed)) {
    for (const p of batch) out.push(p)
  }
  return out
}

/** The department (top-level category slug) of a leaf category. */
export function departmentOf(categorySlug: string): string {
  return SUB_INDEX.get(categorySlug)?.top.slug ?? ''
}

/** Motifs each leaf category's products may be drawn with (from its product types). */
export function categoryMotifs(): Map<string, Set<string>> {
  const motifs = new Map<string, Set<string>>()
  for (const top of TOPS) for (const sub of top.subs) motifs.set(sub.slug, new Set(sub.types.map((type) => motifForType(type.name))))
  return motifs
}
