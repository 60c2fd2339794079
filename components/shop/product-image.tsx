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
    return <div className={`flex aspect-square items-center justify-center bg-zinc-100 text-sm text-zinc-500 ${className ?? ''}`}>No image</div>
  }
  return (
    <Image
      src={src}
      alt={alt}
      width={800}
      height={800}
      sizes={sizes}
      priority={priority}
      unoptimized={src.endsWith('.svg')}
      className={`aspect-square w-full object-cover ${className ?? ''}`}
    />
  )
}
