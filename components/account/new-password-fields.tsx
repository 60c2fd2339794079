import type { ActionState } from '@/lib/action-state'
import { PASSWORD_MIN } from '@/lib/auth/validation'
import { TextField } from '@/components/ui/form'

/** "New password" and its confirmation, as the reset and change-password forms ask for them. */
export function NewPasswordFields({ name, state }: { name: 'password' | 'newPassword'; state: ActionState }) {
  return (
    <>
      <TextField
        label="New password"
        name={name}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        maxLength={256}
        required
        hint={`At least ${PASSWORD_MIN} characters`}
        state={state}
      />
      <TextField label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" maxLength={256} required state={state} />
    </>
  )
}
