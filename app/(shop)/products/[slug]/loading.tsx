export default function ProductLoading() {
  return (
    <div className="mt-8 grid animate-pulse gap-8 lg:grid-cols-2" aria-busy="true" aria-label="Loading product">
      <div className="aspect-square rounded-2xl bg-zinc-100" />
      <div className="flex flex-col gap-4">
        <div className="h-8 w-3/4 rounded bg-zinc-100" />
        <div className="h-6 w-1/4 rounded bg-zinc-100" />
        <div className="h-24 rounded bg-zinc-100" />
      </div>
    </div>
  )
}
