import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

// Links prefetch on intent, not on sight (components/ui/link.tsx).
const nextLink = { name: 'next/link', message: "Use Link from '@/components/ui/link': it prefetches on hover or touch, not for every link in view, and ships a fraction of next/link's code." }

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [nextLink] }],
    },
  },
  // Imports flow one way: app → components → lib → db (STYLE.md).
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [nextLink], patterns: [{ group: ['@/db', '@/db/*', '@/app/*'], message: 'Components render what lib/ gives them: no database and no routes here.' }] },
      ],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    // Tests may call route handlers to check them.
    ignores: ['lib/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '@/components/*'], message: 'lib/ is the domain: it does not import routes or React components.' }] }],
    },
  },
  {
    files: ['db/**/*.{ts,tsx}'],
    // db/scripts are command-line entry points (seed, create-admin), at the level of app/.
    ignores: ['db/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/lib/*', '!@/lib/env', '@/app/*', '@/components/*'], message: 'db/ is the bottom layer: only lib/env (the validated environment) may be imported.' }] },
      ],
    },
  },
  { files: ['components/ui/link.tsx'], rules: { 'no-restricted-imports': 'off' } },
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
]

export default config
