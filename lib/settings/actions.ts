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
    // The home page states the return window: it and every instance's copy show the new one next.
    updateTag(settingsTag)
    revalidatePath('/admin/settings')
    return result
  },
)
