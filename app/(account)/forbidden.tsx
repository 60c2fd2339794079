// The same message as the shop's, inside this group's own layout (see app/(shop)/not-found.tsx).
export { default, metadata } from '../(shop)/forbidden'
