import Image from 'next/image'

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
  if (!src) {
    return <div className={`flex aspect-square items-center justify-center bg-zinc-100 text-sm text-zinc-700 ${className ?? ''}`}>No image</div>
  }
  if (src.endsWith('.svg')) {
    // Generated artwork needs no optimisation: a plain <img> keeps listings light to render.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt={alt} width={800} height={800} loading={priority ? 'eager' : 'lazy'} decoding="async" className={`aspect-square w-full object-cover ${className ?? ''}`} />
  }
  return (
    <Image
      src={src}
      alt={alt}
      width={800}
      height={800}
      sizes={sizes}
      priority={priority}
      className={`aspect-square w-full object-cover ${className ?? ''}`}
    />
  )
}
