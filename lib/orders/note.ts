/** The longest note a shopper may leave for the shop at checkout. */
export const ORDER_NOTE_MAX = 500
