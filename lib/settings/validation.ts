import { z } from 'zod'

/** A whole number typed into a form, from `min` to `max`; an empty field is an error, not zero. */
const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message))

export const storeSettingsSchema = z.object({
  returnWindowDays: wholeNumber(0, 365, 'Enter the return window in whole days, from 0 (no returns) to 365.'),
  cartRemindersEnabled: z
    .string()
    .optional()
    .transform((value) => value === 'on' || value === 'true'),
  cartReminderDelayHours: wholeNumber(1, 720, 'Enter the reminder delay in whole hours, from 1 to 720 (30 days).'),
  lowStockThreshold: wholeNumber(0, 999, 'Enter the low-stock level in whole units, from 0 (sold out only) to 999.'),
})
export type StoreSettingsInput = z.infer<typeof storeSettingsSchema>
export const storeSettingsFields = ['returnWindowDays', 'cartRemindersEnabled', 'cartReminderDelayHours', 'lowStockThreshold'] as const
