/**
 * THE authorization matrix: every exported server action and every route handler under
 * app/(account), app/admin and app/api, called directly as an anonymous visitor, a customer and an
 * admin. A new action or route must be added to the tables below, or this file fails.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { NextRequest } from 'next/server'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from '@/db/client'
import * as accountActions from '@/lib/account/actions'
import * as cartActions from '@/lib/cart/actions'
import * as cartPromotionActions from '@/lib/cart/promotion-actions'
import * as promotionActions from '@/lib/promotions/actions'
import * as orderActions from '@/lib/orders/actions'
import * as paymentActions from '@/lib/payments/actions'
import { saveAddress } from '@/lib/account/addresses'
import * as adminCategoryActions from '@/lib/admin/categories/actions'
import * as adminCustomerActions from '@/lib/admin/customers/actions'
import * as adminOrderActions from '@/lib/admin/orders/actions'
import * as adminProductActions from '@/lib/admin/products/actions'
import * as adminImportActions from '@/lib/admin/products/import-actions'
import * as adminVariantActions from '@/lib/admin/products/variant-actions'
import * as feedbackActions from '@/lib/feedback/actions'
import * as feedbackAdminActions from '@/lib/feedback/admin-actions'
import * as reviewActions from '@/lib/reviews/actions'
import * as reviewModerationActions from '@/lib/reviews/moderation-actions'
import * as shippingActions from '@/lib/shipping/actions'
import * as settingsActions from '@/lib/settings/actions'
import * as taxActions from '@/lib/tax/actions'
import * as returnActions from '@/lib/returns/actions'
import * as returnAdminActions from '@/lib/returns/admin-actions'
import * as jobActions from '@/lib/jobs/actions'
import * as cartReminderActions from '@/lib/cart-reminders/actions'
import * as unsubscribeActions from '@/lib/mail/unsubscribe-action'
import * as stockAlertActions from '@/lib/stock-alerts/actions'
import * as wishlistActions from '@/lib/wishlist/actions'
import { createTestUser, formData, type Outcome, outcomeOf, signInAs, type TestUser } from '@/lib/testing/auth'
import * as authActions from './actions'

vi.mock('next-auth', () => import('@/lib/testing/next-auth-mock'))
vi.mock('next/headers', () => import('@/lib/testing/next-headers-mock'))
vi.mock('next/cache', async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), revalidatePath: vi.fn() }))

/** public: anyone; user: signed in (anonymous → /login); admin: role admin (customer → 403). */
type Access = 'public' | 'user' | 'admin'

const actionAccess: Record<string, Record<string, Access>> = {
  'lib/auth/actions.ts': {
    registerAction: 'public',
    loginAction: 'public',
    logoutAction: 'public',
    requestPasswordResetAction: 'public',
    resetPasswordAction: 'public',
  },
  'lib/account/actions.ts': {
    updateProfileAction: 'user',
    requestEmailChangeAction: 'user',
    changePasswordAction: 'user',
    saveAddressAction: 'user',
    deleteAddressAction: 'user',
    setDefaultAddressAction: 'user',
    deleteAccountAction: 'user',
    signOutOtherDevicesAction: 'user',
  },
  'lib/admin/products/actions.ts': {
    saveProductAction: 'admin',
    deleteProductAction: 'admin',
    adjustStockAction: 'admin',
    uploadProductImagesAction: 'admin',
    manageProductImagesAction: 'admin',
  },
  'lib/admin/categories/actions.ts': {
    createCategoryAction: 'admin',
    updateCategoryAction: 'admin',
    moveCategoryAction: 'admin',
    deleteCategoryAction: 'admin',
  },
  'lib/admin/customers/actions.ts': {
    setRoleAction: 'admin',
  },
  'lib/admin/products/import-actions.ts': {
    importProductsAction: 'admin',
  },
  'lib/admin/products/variant-actions.ts': {
    saveOptionsAction: 'admin',
    saveVariantsAction: 'admin',
  },
  'lib/admin/orders/actions.ts': {
    markShippedAction: 'admin',
    markDeliveredAction: 'admin',
    resendConfirmationAction: 'admin',
    correctAddressAction: 'admin',
    cancelOrderAction: 'admin',
    refundOrderAction: 'admin',
  },
  // The cart, checkout and order lookup serve guests too; each finds the caller's own cart or order itself.
  'lib/cart/actions.ts': {
    buyAgainAction: 'public',
    addToCartAction: 'public',
    updateCartQuantityAction: 'public',
    removeCartItemAction: 'public',
  },
  'lib/cart/promotion-actions.ts': {
    applyPromotionCodeAction: 'public',
    removePromotionCodeAction: 'public',
  },
  'lib/promotions/actions.ts': {
    createPromotionAction: 'admin',
    updatePromotionAction: 'admin',
    setPromotionActiveAction: 'admin',
  },
  'lib/orders/actions.ts': {
    checkoutAction: 'public',
    lookupOrderAction: 'public',
  },
  'lib/payments/actions.ts': {
    confirmFreeCheckoutAction: 'public',
    payDemoCheckoutAction: 'public',
  },
  'lib/reviews/actions.ts': {
    createReviewAction: 'user',
    updateReviewAction: 'user',
    deleteReviewAction: 'user',
    voteHelpfulAction: 'user',
    reportReviewAction: 'user',
  },
  'lib/reviews/moderation-actions.ts': {
    hideReviewAction: 'admin',
    unhideReviewAction: 'admin',
  },
  'lib/feedback/actions.ts': {
    sendFeedbackAction: 'public',
  },
  'lib/feedback/admin-actions.ts': {
    updateFeedbackAction: 'admin',
  },
  'lib/shipping/actions.ts': {
    createZoneAction: 'admin',
    updateZoneAction: 'admin',
    deleteZoneAction: 'admin',
    createMethodAction: 'admin',
    updateMethodAction: 'admin',
    deleteMethodAction: 'admin',
  },
  'lib/settings/actions.ts': {
    saveStoreSettingsAction: 'admin',
  },
  'lib/tax/actions.ts': {
    saveTaxRateAction: 'admin',
    deleteTaxRateAction: 'admin',
    saveCategoryTaxAction: 'admin',
  },
  // Guests return with their order's key; the action finds the caller's own order itself.
  'lib/returns/actions.ts': {
    requestReturnAction: 'public',
  },
  'lib/returns/admin-actions.ts': {
    decideReturnAction: 'admin',
    receiveReturnAction: 'admin',
    refundReturnAction: 'admin',
    closeReturnAction: 'admin',
  },
  'lib/jobs/actions.ts': {
    retryJobAction: 'admin',
  },
  'lib/cart-reminders/actions.ts': {
    updateCartReminderPreferenceAction: 'user',
  },
  // The signed token in the link says whose address it is; no session needed.
  'lib/mail/unsubscribe-action.ts': {
    unsubscribeAction: 'public',
  },
  'lib/stock-alerts/actions.ts': {
    subscribeStockAlertAction: 'public',
  },
  // Guests keep a wishlist in a signed cookie; the account page's actions need a session.
  'lib/wishlist/actions.ts': {
    toggleWishlistAction: 'public',
    removeWishlistItemAction: 'user',
    moveWishlistItemToCartAction: 'user',
    updateWishlistSharingAction: 'user',
  },
}

const actionModules: Record<string, Record<string, unknown>> = {
  'lib/auth/actions.ts': authActions,
  'lib/account/actions.ts': accountActions,
  'lib/admin/products/actions.ts': adminProductActions,
  'lib/admin/categories/actions.ts': adminCategoryActions,
  'lib/admin/customers/actions.ts': adminCustomerActions,
  'lib/admin/products/import-actions.ts': adminImportActions,
  'lib/admin/products/variant-actions.ts': adminVariantActions,
  'lib/admin/orders/actions.ts': adminOrderActions,
  'lib/cart/actions.ts': cartActions,
  'lib/cart/promotion-actions.ts': cartPromotionActions,
  'lib/promotions/actions.ts': promotionActions,
  'lib/orders/actions.ts': orderActions,
  'lib/payments/actions.ts': paymentActions,
  'lib/reviews/actions.ts': reviewActions,
  'lib/reviews/moderation-actions.ts': reviewModerationActions,
  'lib/feedback/actions.ts': feedbackActions,
  'lib/feedback/admin-actions.ts': feedbackAdminActions,
  'lib/shipping/actions.ts': shippingActions,
  'lib/settings/actions.ts': settingsActions,
  'lib/tax/actions.ts': taxActions,

  'lib/returns/actions.ts': returnActions,
  'lib/returns/admin-actions.ts': returnAdminActions,
  'lib/jobs/actions.ts': jobActions,
  'lib/cart-reminders/actions.ts': cartReminderActions,
  'lib/mail/unsubscribe-action.ts': unsubscribeActions,
  'lib/stock-alerts/actions.ts': stockAlertActions,
  'lib/wishlist/actions.ts': wishlistActions,
}

/** Route handlers by file (relative to the project) and HTTP method. */
const routeAccess: Record<string, Record<string, Access>> = {
  'app/(account)/account/confirm-email/route.ts': { GET: 'user' },
  'app/admin/export/orders/route.ts': { GET: 'admin' },
  'app/admin/export/products/route.ts': { GET: 'admin' },
  // Auth.js's own endpoints (sign-in, callback, session…): public by nature. Under test the
  // handlers are stand-ins (lib/testing/next-auth-mock.ts), so only their listing is checked.
  'app/api/auth/[...nextauth]/route.ts': { GET: 'public', POST: 'public' },
  'app/api/search/suggest/route.ts': { GET: 'public' },
  'app/api/cart/route.ts': { GET: 'public' },
  // Guarded by a secret rather than a session: Bearer CRON_SECRET, and Stripe's signature.
  'app/api/cron/sweep-orders/route.ts': { GET: 'public' },
  'app/api/cron/cart-reminders/route.ts': { GET: 'public' },
  // One-click unsubscribe from a mail client (List-Unsubscribe-Post): the signed token is the guard.
  'app/api/unsubscribe/route.ts': { GET: 'public', POST: 'public' },
  // The visitor's own saved products and alert address (empty for guests without a cookie).
  'app/api/wishlist/route.ts': { GET: 'public' },
  'app/api/stock-alerts/route.ts': { GET: 'public' },
  'app/api/webhooks/stripe/route.ts': { POST: 'public' },
  // Catalog cards for the visitor's own recently viewed ids; picks answer an empty list to guests.
  'app/api/recommendations/recent/route.ts': { GET: 'public' },
  'app/api/recommendations/picked/route.ts': { GET: 'public' },
  // For load balancers: says only whether the database and Redis answer.
  'app/api/health/route.ts': { GET: 'public' },
  // Says only whether the caller's own session has reviewed the product (false for guests).
  'app/api/reviews/mine/route.ts': { GET: 'public' },
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const root = path.resolve(import.meta.dirname, '../..')

function routeFiles() {
  return readdirSync(path.join(root, 'app'), { recursive: true, encoding: 'utf8' })
    .map((file) => `app/${file.split(path.sep).join('/')}`)
    .filter((file) => /\/route\.(ts|tsx|js)$/.test(file))
    .filter((file) => file.startsWith('app/(account)/') || file.startsWith('app/admin/') || file.startsWith('app/api/'))
    .sort()
}

/** app/(account)/account/confirm-email/route.ts → /account/confirm-email */
function urlPathOf(file: string) {
  return (
    file
      .replace(/^app/, '')
      .replace(/\/route\.\w+$/, '')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\[\.{0,3}([^\]]+)\]/g, 'test-$1') || '/'
  )
}

type Role = 'anonymous' | 'customer' | 'admin'
const roles: Role[] = ['anonymous', 'customer', 'admin']
let people: Record<Exclude<Role, 'anonymous'>, TestUser>

beforeAll(async () => {
  people = { customer: await createTestUser({ role: 'customer' }), admin: await createTestUser({ role: 'admin' }) }
})

beforeEach(() => {
  vi.spyOn(console, 'info').mockImplementation(() => {})
})

function actAs(role: Role) {
  signInAs(role === 'anonymous' ? null : people[role])
}

async function userRow(id: string) {
  const [row] = await sql`select name, email, role, password_hash, session_version from users where id = ${id}`
  return row
}

function callAction(action: (...args: never[]) => unknown) {
  // Form actions take (previousState, formData); plain <form action> ones take (formData).
  const call = action as unknown as (...args: unknown[]) => Promise<unknown>
  return outcomeOf(() => (action.length >= 2 ? call(null, new FormData()) : call(new FormData())))
}

/** Plain `<form action>`s that return nothing: an empty form changes nothing and says nothing. */
const emptyFormOutcome: Record<string, Outcome<unknown>> = {
  deleteAddressAction: { kind: 'returned', value: { ok: false, error: 'That address no longer exists.' } },
  setDefaultAddressAction: { kind: 'returned', value: { ok: false, error: 'That address no longer exists.' } },
  // An unticked checkbox is not submitted: an empty form is a valid "no reminders, please".
  updateCartReminderPreferenceAction: { kind: 'returned', value: { ok: true } },
}

function expectRefusal(outcome: Outcome<unknown>, role: Role, access: Access) {
  const toLogin = outcome.kind === 'redirect' && outcome.url.startsWith('/login')
  if (outcome.kind === 'threw') throw outcome.error
  if (access === 'public') {
    expect(toLogin).toBe(false)
    expect(outcome.kind).not.toBe('forbidden')
  } else if (role === 'anonymous') {
    expect(outcome.kind).toBe('redirect')
    expect(outcome.kind === 'redirect' && outcome.url).toMatch(/^\/login\?callbackUrl=%2F/)
  } else if (access === 'admin' && role === 'customer') {
    expect(outcome).toEqual({ kind: 'forbidden' })
  } else {
    expect(toLogin).toBe(false)
    expect(outcome.kind).not.toBe('forbidden')
  }
}

/** Every module under lib/ that starts with 'use server': each must be listed above. */
function serverActionModules() {
  return readdirSync(path.join(root, 'lib'), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => `lib/${file.split(path.sep).join('/')}`)
    .filter((file) => /^\s*['"]use server['"]/.test(readFileSync(path.join(root, file), 'utf8')))
    .sort()
}

describe('server actions', () => {
  it('every server action module is in the table', () => {
    expect(serverActionModules(), 'list new action modules in actionAccess and actionModules').toEqual(Object.keys(actionAccess).sort())
    expect(Object.keys(actionModules).sort()).toEqual(Object.keys(actionAccess).sort())
  })

  it('every exported function of an actions module is in the table, and nothing else', () => {
    for (const [file, actions] of Object.entries(actionModules)) {
      const exported = Object.keys(actions)
        .filter((name) => typeof actions[name] === 'function')
        .sort()
      expect(exported, `${file}: list new actions in actionAccess`).toEqual(Object.keys(actionAccess[file] ?? {}).sort())
    }
  })

  const cases = Object.entries(actionAccess).flatMap(([file, actions]) => Object.entries(actions).flatMap(([name, access]) => roles.map((role) => ({ file, name, access, role }))))

  it.each(cases)('$file $name ($access) as $role', async ({ file, name, access, role }) => {
    const action = actionModules[file]?.[name] as (...args: never[]) => unknown
    actAs(role)
    const before = role === 'anonymous' ? null : await userRow(people[role].id)
    const outcome = await callAction(action)
    expectRefusal(outcome, role, access)

    // Allowed with an empty form: refused by validation (a message and field errors, never a crash), changing nothing.
    // Which case applies depends only on the table, never on what the action did.
    const allowed = access === 'user' ? role !== 'anonymous' : access === 'admin' && role === 'admin'
    if (allowed) expect(outcome).toMatchObject(emptyFormOutcome[name] ?? { kind: 'returned', value: { ok: false, error: expect.any(String), fieldErrors: expect.any(Object) } })
    if (access !== 'public' && role !== 'anonymous') expect(await userRow(people[role].id)).toEqual(before)
    if (access === 'public' && outcome.kind === 'returned') expect(outcome.value).toMatchObject({ ok: false, error: expect.any(String) })
    if (name === 'logoutAction') expect(outcome).toEqual({ kind: 'redirect', url: '/' })
  })
})

describe('route handlers', () => {
  it('every route handler under app/(account), app/admin and app/api is in the table', async () => {
    const found: Record<string, string[]> = {}
    for (const file of routeFiles()) {
      const routeModule = (await import(path.join(root, file))) as Record<string, unknown>
      found[file] = HTTP_METHODS.filter((method) => typeof routeModule[method] === 'function')
    }
    const listed = Object.fromEntries(Object.entries(routeAccess).map(([file, methods]) => [file, Object.keys(methods)]))
    expect(found, 'list new route handlers in routeAccess').toEqual(listed)
  })

  const cases = Object.entries(routeAccess).flatMap(([file, methods]) => Object.entries(methods).flatMap(([method, access]) => roles.map((role) => ({ file, method, access, role }))))

  it.each(cases)('$method $file ($access) as $role', async ({ file, method, access, role }) => {
    const routeModule = (await import(path.join(root, file))) as Record<string, (request: NextRequest, context: unknown) => Promise<Response>>
    const handler = routeModule[method]
    if (!handler) throw new Error(`${file} has no ${method}`)
    actAs(role)
    const url = `http://localhost:3000${urlPathOf(file)}?q=chair`
    const init = method === 'GET' || method === 'HEAD' ? { method } : { method, body: new FormData() }
    const outcome = await outcomeOf(handler(new NextRequest(url, init), { params: Promise.resolve({}) }))
    expectRefusal(outcome, role, access)
    if (outcome.kind === 'returned') {
      expect(outcome.value.status).not.toBe(401)
      expect(outcome.value.status).not.toBe(403)
      const location = outcome.value.headers.get('location')
      if (location) expect(new URL(location, 'http://localhost:3000').pathname).not.toBe('/login')
    }
  })
})

describe('nobody touches another customer’s rows', () => {
  it('address actions with someone else’s address id leave it unchanged', async () => {
    const owner = await createTestUser()
    const intruder = await createTestUser()
    const home = { fullName: 'Owner', line1: '1 Main St', line2: '', city: 'Springfield', region: '', postalCode: '12345', country: 'US', phone: '', isDefault: false }
    const ownerDefault = (await saveAddress(owner.id, null, home)) ?? 0
    const ownerOther = (await saveAddress(owner.id, null, { ...home, line1: '2 Side St' })) ?? 0
    await saveAddress(intruder.id, null, { ...home, fullName: 'Intruder' })
    const snapshot = () => sql`select * from addresses where user_id = ${owner.id} order by id`
    const before = await snapshot()

    signInAs(intruder)
    const form = (addressId: number, extra: Record<string, string> = {}) => formData({ addressId: String(addressId), ...extra })
    await accountActions.deleteAddressAction(null, form(ownerDefault))
    await accountActions.setDefaultAddressAction(null, form(ownerOther))
    const saved = await outcomeOf(accountActions.saveAddressAction(null, form(ownerOther, { fullName: 'Hijacked', line1: 'Evil 1', city: 'X', postalCode: '1', country: 'US', isDefault: 'on' })))
    expect(saved).toMatchObject({ kind: 'returned', value: { ok: false, error: 'That address no longer exists.' } })
    expect(await snapshot()).toEqual(before)
    expect(await sql`select 1 from addresses where user_id = ${intruder.id}`).toHaveLength(1)

    // The owner can do all of it.
    signInAs(owner)
    await accountActions.setDefaultAddressAction(null, form(ownerOther))
    expect((await sql<{ id: number }[]>`select id from addresses where user_id = ${owner.id} and is_default`).map((row) => row.id)).toEqual([ownerOther])
    await accountActions.deleteAddressAction(null, form(ownerDefault))
    expect(await sql`select 1 from addresses where user_id = ${owner.id}`).toHaveLength(1)
  })

  it('profile, email, password and account actions act only on the signed-in user', async () => {
    const victim = await createTestUser()
    const intruder = await createTestUser()
    const before = await userRow(victim.id)
    signInAs(intruder)
    // Extra fields naming the victim are ignored: every action takes the id from the session.
    const victimFields = { userId: victim.id, id: victim.id, email: victim.email }
    await outcomeOf(accountActions.updateProfileAction(null, formData({ ...victimFields, name: 'Renamed' })))
    await outcomeOf(
      accountActions.changePasswordAction(
        null,
        formData({ ...victimFields, currentPassword: intruder.password ?? '', newPassword: 'Brand new passphrase 7', confirmPassword: 'Brand new passphrase 7' }),
      ),
    )
    await outcomeOf(accountActions.signOutOtherDevicesAction(null, formData({ ...victimFields, scope: 'others' })))
    expect(await userRow(intruder.id)).toMatchObject({ name: 'Renamed', email: intruder.email })
    const deleted = await outcomeOf(accountActions.deleteAccountAction(null, formData({ ...victimFields, currentPassword: 'Brand new passphrase 7', confirm: 'DELETE' })))
    expect(deleted).toEqual({ kind: 'redirect', url: '/?account=deleted' })
    expect(await userRow(victim.id)).toEqual(before)
    expect(await userRow(intruder.id)).toBeUndefined()
  })
})
