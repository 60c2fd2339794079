import { type NextRequest, NextResponse } from 'next/server'
import { scheduleCartReminders } from '@/lib/cart-reminders/reminders'
import { refuseUnlessCron } from '@/lib/http/cron-auth'
import { runDueJobs } from '@/lib/jobs/runner'

/** Hourly from Vercel Cron (vercel.json): queues the due cart reminders, then sends due mail. */
export async function GET(request: NextRequest) {
  const refusal = refuseUnlessCron(request.headers.get('authorization'))
  if (refusal) return refusal
  const { queued } = await scheduleCartReminders()
  const jobs = await runDueJobs(100)
  return NextResponse.json({ queued, mailSent: jobs.done, mailFailed: jobs.failed })
}
