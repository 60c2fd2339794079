'use client'

import { useState } from 'react'
import type { ProductImage as ProductImageData } from '@/lib/catalog/types'
import { ProductImage } from './product-image'

/** `initialIndex` is the image shown first (the chosen variant's); give the gallery a `key` per variant to reset it. */
export function ProductGallery({ images, name, initialIndex = 0 }: { images: ProductImageData[]; name: string; initialIndex?: number }) {
  const [selected, setSelected] = useState(initialIndex)
  const current = images[selected] ?? images[0]
  return (
    <div className="flex flex-col gap-3">
      <div className="overflow-hidden rounded-2xl border border-zinc-200" data-testid="product-main-image">
        <ProductImage src={current?.url ?? null} alt={current?.alt || name} priority sizes="(min-width: 1024px) 50vw, 100vw" />
      </div>
      {images.length > 1 && (
        <ul className="flex gap-2" aria-label="Product images">
          {images.map((image, index) => (
            <li key={image.url}>
              <button
                type="button"
                onClick={() => setSelected(index)}
                aria-label={`Show image ${index + 1} of ${images.length}`}
                aria-pressed={index === selected}
                className={`block w-20 overflow-hidden rounded-lg border-2 ${index === selected ? 'border-brand-600' : 'border-transparent'}`}
              >
                <ProductImage src={image.url} alt="" sizes="80px" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
