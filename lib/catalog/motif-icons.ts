import 'server-only'
import { icons } from '@iconify-json/fluent-emoji-flat'
import type { MotifIcon } from './artwork'

/** The motif of products whose type has none (a new category, say): a parcel. */
export const NEUTRAL_MOTIF = 'package'

/**
 * An icon of the Fluent Emoji Flat set (MIT, installed from npm in Iconify JSON form). Loaded on
 * the server only, by the artwork route: the set never reaches the browser. Unknown names get
 * the neutral motif.
 */
export function motifIcon(name: string | null | undefined): MotifIcon {
  const icon = (name && Object.hasOwn(icons.icons, name) ? icons.icons[name] : undefined) ?? icons.icons[NEUTRAL_MOTIF]
  if (!icon) throw new Error(`The icon set has no ${NEUTRAL_MOTIF} icon`)
  return { body: icon.body, width: icon.width ?? icons.width ?? 16, height: icon.height ?? icons.height ?? 16 }
}
