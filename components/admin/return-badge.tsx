import { Badge } from '@/components/admin/ui'
import { type ReturnStatus, returnStatusLabels } from '@/lib/returns/status'

const tones = { requested: 'amber', approved: 'blue', rejected: 'grey', received: 'green', refunded: 'grey', closed: 'grey' } as const satisfies Record<
  ReturnStatus,
  string
>

export function ReturnBadge({ status }: { status: ReturnStatus }) {
  return <Badge tone={tones[status]}>{returnStatusLabels[status]}</Badge>
}
