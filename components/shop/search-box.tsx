'use client'

import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { Suspense, useEffect, useId, useRef, useState } from 'react'
import { formatMoney } from '@/lib/money'

type Suggestion = { slug: string; name: string; priceCents: number; maxPriceCents?: number; currency: string }

/**
 * Header search: a plain GET form (works without JavaScript) that suggests products as you type.
 * On /search it shows the query being searched. The box itself is never swapped out once the page
 * is interactive, so nothing a shopper has already typed is lost when the URL is read.
 */
export function SearchBox() {
  const router = useRouter()
  const listId = useId()
  const [query, setQuery] = useState('')
  // The query the page was opened with is already searched: suggestions wait until the shopper types.
  const [searchedQuery, setSearchedQuery] = useState('')
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const containerRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    const term = query.trim()
    if (term.length < 2 || query === searchedQuery) return
    const controller = new AbortController()
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(term)}`, { signal: controller.signal })
        if (!response.ok) return
        const body = (await response.json()) as { suggestions: Suggestion[] }
        setSuggestions(body.suggestions)
        setActive(-1)
        setOpen(true)
      } catch {
        // Aborted by the next keystroke, or offline: the form still submits to /search.
      }
    }, 150)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, searchedQuery])

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('mousedown', close)
    return () => document.removeEventListener('mousedown', close)
  }, [])

  // Suggestions for a query shorter than two characters are stale: hide them.
  const visible = query.trim().length >= 2 ? suggestions : []
  const showList = open && visible.length > 0

  return (
    <form ref={containerRef} action="/search" role="search" className="relative w-full">
      <Suspense fallback={null}>
        <SearchedQuery
          onChange={(searched) => {
            setSearchedQuery(searched)
            setQuery(searched)
          }}
        />
      </Suspense>
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search products
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        autoComplete="off"
        placeholder="Search products"
        value={query}
        maxLength={200}
        onChange={(event) => setQuery(event.target.value)}
        onFocus={() => setOpen(true)}
        onKeyDown={(event) => {
          if (!showList) return
          if (event.key === 'ArrowDown') {
            event.preventDefault()
            setActive((index) => (index + 1) % visible.length)
          } else if (event.key === 'ArrowUp') {
            event.preventDefault()
            setActive((index) => (index <= 0 ? visible.length - 1 : index - 1))
          } else if (event.key === 'Escape') {
            setOpen(false)
          } else if (event.key === 'Enter' && active >= 0) {
            const chosen = visible[active]
            if (chosen) {
              event.preventDefault()
              setOpen(false)
              router.push(`/products/${chosen.slug}`)
            }
          }
        }}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        className="w-full rounded-full border border-zinc-300 bg-zinc-50 px-4 py-2 text-sm placeholder:text-zinc-500 focus:border-brand-600 focus:bg-white focus:outline-none"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested products"
        hidden={!showList}
        className="absolute top-full right-0 left-0 z-20 mt-1 overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-lg"
      >
        {visible.map((suggestion, index) => (
          <li
            key={suggestion.slug}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={`flex cursor-pointer justify-between gap-3 px-4 py-2 text-sm ${index === active ? 'bg-brand-50' : 'hover:bg-zinc-50'}`}
            onMouseDown={(event) => {
              event.preventDefault()
              setOpen(false)
              router.push(`/products/${suggestion.slug}`)
            }}
          >
            <span className="truncate">{suggestion.name}</span>
            <span className="shrink-0 text-zinc-600">
              {(suggestion.maxPriceCents ?? 0) > suggestion.priceCents ? 'from ' : ''}
              {formatMoney(suggestion.priceCents, suggestion.currency)}
            </span>
          </li>
        ))}
      </ul>
    </form>
  )
}

/** Reports the query of the search page being shown ('' elsewhere) whenever it changes, e.g. on back and forward. */
function SearchedQuery({ onChange }: { onChange: (query: string) => void }) {
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const searched = pathname === '/search' ? (searchParams.get('q') ?? '') : ''
  const reported = useRef('')
  useEffect(() => {
    if (searched === reported.current) return
    reported.current = searched
    onChange(searched)
  }, [searched, onChange])
  return null
}
