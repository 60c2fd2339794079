'use server'

import { revalidatePath } from 'next/cache'
import { after } from 'next/server'
import { z } from 'zod'
import { db } from '@/db/client'
import { type ActionState, failure } from '@/lib/action-state'
import { recordAudit } from '@/lib/admin/audit'
import { idSchema } from '@/lib/bounds'
import { formAction } from '@/lib/define-action'
import { retryFailedJob } from './admin'
import { runDueJobs } from './runner'

/** An admin sends a failed job round again (after fixing what made it fail: SMTP settings, a bad address). */
export const retryJobAction = formAction(
  { name: 'admin.job.retry', access: 'admin', returnTo: '/admin/jobs', schema: z.object({ jobId: idSchema }), input: ['jobId'] },
  async ({ jobId }, { caller: admin }): Promise<ActionState> => {
    const result = await db.transaction(async (tx) => {
      const retried = await retryFailedJob(tx, jobId)
      if (retried.ok)
        await recordAudit(tx, { actor: admin, action: 'job.retry', entityType: 'job', entityId: jobId, before: { ...retried.before, failed: true }, after: { attempts: 0, failed: false } })
      return retried
    })
    if (!result.ok) return failure(result.error)
    after(() => runDueJobs().catch((error) => console.error('jobs after a retry failed', { jobId, error })))
    revalidatePath('/admin/jobs')
    revalidatePath('/admin')
    return { ok: true, message: `Job ${jobId} (${result.kind}) is queued again and runs in a moment.` }
  },
)
