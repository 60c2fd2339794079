/** Shown for a product with no image yet (one made in the admin, say): a neutral parcel on a soft backdrop. */
const placeholderArtwork = '/art/0/placeholder.svg?motif=package&color=e7e1d8'

// Widths Next's image optimiser accepts by default (its imageSizes and deviceSizes up to 1920);
// it answers 400 to any other.
const optimiserWidths = [64, 96, 128, 256, 384, 640, 750, 828, 1080, 1200, 1920]

/**
 * The `srcSet` of an uploaded photo, served resized by Next's optimiser (/_next/image). Written
 * here rather than through next/image, whose client component adds about 7 kB of gzipped
 * JavaScript to every page showing a product. As next/image does, a `sizes` of `50vw` drops the
 * widths below half the smallest phone screen (640 px).
 */
export function optimisedSrcSet(src: string, sizes: string): string {
  const viewportShares = [...sizes.matchAll(/(?:^|\s)(\d{1,3})vw/g)].map((match) => Number(match[1]) / 100)
  const smallest = viewportShares.length > 0 ? Math.min(...viewportShares) * 640 : 0
  return optimiserWidths
    .filter((width) => width >= smallest)
    .map((width) => `${optimisedUrl(src, width)} ${width}w`)
    .join(', ')
}

function optimisedUrl(src: string, width: number) {
  return `/_next/image?url=${encodeURIComponent(src)}&w=${width}&q=75`
}

/** Product imagery: seeded artwork is SVG and needs no resizing; uploads are resized by the optimiser. */
export function ProductImage({
  src,
  alt,
  priority = false,
  sizes,
  className,
}: {
  src: string | null
  alt: string
  priority?: boolean
  sizes: string
  className?: string
}) {
  const image = src ?? placeholderArtwork
  const isArtwork = new URL(image, 'http://localhost').pathname.endsWith('.svg')
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={isArtwork ? image : optimisedUrl(image, 1920)}
      srcSet={isArtwork ? undefined : optimisedSrcSet(image, sizes)}
      sizes={isArtwork ? undefined : sizes}
      alt={alt}
      width={800}
      height={800}
      loading={priority ? 'eager' : 'lazy'}
      // The page's largest picture: fetched ahead of the scripts and painted as soon as it arrives.
      fetchPriority={priority ? 'high' : 'auto'}
      decoding={priority ? 'sync' : 'async'}
      className={`aspect-square w-full object-cover ${className ?? ''}`}
    />
  )
}
