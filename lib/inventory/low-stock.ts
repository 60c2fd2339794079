/**
 * The low-stock level until the merchant sets one at /admin/settings: a variant with this many or
 * fewer left is "low" in the admin (product list, dashboard) and shows "Only N left" in the shop.
 */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5
