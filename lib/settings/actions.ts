'use server'

import { revalidatePath, updateTag } from 'next/cache'
import { formAction } from '@/lib/define-action'
import { settingsTag } from './queries'
import { saveStoreSettings } from './service'
import { storeSettingsFields, storeSettingsSchema } from './validation'

export const saveStoreSettingsAction = formAction(
  { access: 'admin', returnTo: '/admin/settings', name: 'admin.settings.save', schema: storeSettingsSchema, input: storeSettingsFields },
  async (input, { caller }) => {
    const result = await saveStoreSettings(caller, input)
    // The home page states the return window and product pages the low-stock level: they and every
    // instance's copies show the new values next.
    updateTag(settingsTag)
    revalidatePath('/admin/settings')
    return result
  },
)
