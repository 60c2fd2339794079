const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g
// Sentence punctuation right after a URL is not part of it.
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/

/** Plain text with its http(s) URLs rendered as links; everything else stays text (React escapes it). */
export function LinkifiedText({ text }: { text: string }) {
  const parts: React.ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    const start = match.index
    parts.push(text.slice(last, start))
    parts.push(
      <a key={start} href={url} className="break-all text-brand-700 underline">
        {url}
      </a>,
    )
    last = start + url.length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}
