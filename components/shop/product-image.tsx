import Image from 'next/image'

/** Shown for a product with no image yet (one made in the admin, say): a neutral parcel on a soft backdrop. */
const placeholderArtwork = '/art/0/placeholder.svg?motif=package&color=e7e1d8'

/** Product imagery: seeded artwork is SVG and needs no optimisation; uploads go through next/image. */
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
  if (new URL(image, 'http://localhost').pathname.endsWith('.svg')) {
    // Generated artwork needs no optimisation: a plain <img> keeps listings light to render.
    return (
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={image}
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
  return (
    <Image
      src={image}
      alt={alt}
      width={800}
      height={800}
      sizes={sizes}
      priority={priority}
      className={`aspect-square w-full object-cover ${className ?? ''}`}
    />
  )
}
