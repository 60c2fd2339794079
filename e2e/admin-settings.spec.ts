import { expect, test } from '@playwright/test'
import { demoAdmin, field, logIn } from './support'

/**
 * A merchant changes the return window at /admin/settings: a value out of range is refused beside
 * its field, and the one saved is what the home page promises on the next visit.
 */
test('a merchant sets the return window and the home page states it', async ({ page }) => {
  await logIn(page, demoAdmin.email, demoAdmin.password)
  await page.goto('/admin')
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(field(page, 'Return window (days)')).toHaveValue('30')

  await field(page, 'Return window (days)').fill('400')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Enter the return window in whole days, from 0 (no returns) to 365.')).toBeVisible()

  try {
    await field(page, 'Return window (days)').fill('45')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
    await page.goto('/')
    await expect(page.getByRole('main')).toContainText('Fast shipping and free returns within 45 days.')
  } finally {
    // Other specs return items within the default window.
    await page.goto('/admin/settings')
    await field(page, 'Return window (days)').fill('30')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible()
  }
  await page.goto('/')
  await expect(page.getByRole('main')).toContainText('Fast shipping and free returns within 30 days.')
})
