export const siteName = 'Northwind Goods'
