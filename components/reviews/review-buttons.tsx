'use client'

import { useActionState } from 'react'
import { SubmitButton } from '@/components/ui/form'
import { reportReviewAction, voteHelpfulAction } from '@/lib/reviews/actions'

function Outcome({ state }: { state: Awaited<ReturnType<typeof voteHelpfulAction>> }) {
  if (!state) return null
  return (
    <span role={state.ok ? 'status' : 'alert'} className={state.ok ? 'text-emerald-800' : 'text-red-700'}>
      {state.ok ? state.message : state.error}
    </span>
  )
}

/** "Helpful" and "Report" for one review; each works once per shopper. */
export function ReviewButtons({ reviewId, slug, voted, reported }: { reviewId: number; slug: string; voted: boolean; reported: boolean }) {
  const [voteState, vote] = useActionState(voteHelpfulAction, null)
  const [reportState, report] = useActionState(reportReviewAction, null)
  return (
    <>
      {voted || voteState?.ok ? (
        <span>You found this helpful</span>
      ) : (
        <form action={vote}>
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="slug" value={slug} />
          <SubmitButton variant="secondary" size="sm" pendingLabel="Voting…">
            Helpful
          </SubmitButton>
        </form>
      )}
      {reported || reportState?.ok ? (
        <span>Reported</span>
      ) : (
        <form action={report}>
          <input type="hidden" name="reviewId" value={reviewId} />
          <input type="hidden" name="slug" value={slug} />
          <SubmitButton variant="secondary" size="sm" pendingLabel="Reporting…">
            Report
          </SubmitButton>
        </form>
      )}
      <Outcome state={voteState} />
      <Outcome state={reportState} />
    </>
  )
}
