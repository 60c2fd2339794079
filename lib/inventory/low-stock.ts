/**
 * The one low-stock level: a variant with this many or fewer left is "low" in the admin (product
 * list, dashboard) and shows "Only N left" in the shop. No server-only import: the shop's badge uses it.
 */
export const LOW_STOCK_THRESHOLD = 5
