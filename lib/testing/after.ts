/**
 * Under Vitest, `after()` from next/server (work a request leaves for after its response) is
 * queued here rather than run: a test sees what the response alone did, then runs the queue.
 */
const queue: (() => unknown)[] = []

export function deferAfter(task: (() => unknown) | Promise<unknown>) {
  queue.push(typeof task === 'function' ? task : () => task)
}

/** Runs the work queued by `after()` so far, in order. */
export async function runAfterWork() {
  while (queue.length > 0) await queue.shift()?.()
}
