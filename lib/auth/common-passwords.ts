/**
 * Passwords of 10+ characters that appear near the top of breach corpora (shorter ones are
 * already refused by the length rule). Compared case-insensitively.
 */
export const commonPasswords = new Set([
  '0000000000', '0123456789', '1111111111', '1234567890', '12345678910', '123456789a', '1234567891',
  '123123123123', '1234qwerty', '1q2w3e4r5t', '1q2w3e4r5t6y', '1qaz2wsx3edc', '2222222222', '5555555555',
  '9876543210', '987654321a', 'a123456789', 'aaaaaaaaaa', 'abcdefghij', 'abc1234567', 'abcd123456',
  'administrator', 'asdfghjkl1', 'asdfghjkl;', 'asdfasdfasdf', 'baseball123', 'changeme123', 'computer123',
  'dragon12345', 'football123', 'iloveyou12', 'iloveyou123', 'letmein123', 'letmeinplease', 'michael123',
  'monkey12345', 'myspace123', 'passw0rd123', 'password01', 'password12', 'password123', 'password1234',
  'password12345', 'password!1', 'passwordpassword', 'princess123', 'q1w2e3r4t5', 'qazwsxedc123',
  'qazwsxedcrfv', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'qwertyuiop', 'qwertyuiop123',
  'qwertyuiop1', 'starwars123', 'sunshine123', 'superman123', 'trustno1234', 'welcome123', 'welcome1234',
  'zaq12wsxcde', 'zxcvbnm123', 'zxcvbnmasdf', 'shadow12345', 'master12345', 'pokemon123', 'jordan2323',
  'liverpool123', 'chelsea123', 'samsung123', 'google1234', 'internet123', 'secret1234', 'hello12345',
  'helloworld', 'helloworld1', 'northwindgoods', 'northwind123',
])

/** Also refuse one character repeated and straight runs like "abcdefghijk" or "9876543210". */
export function isTriviallyGuessable(password: string) {
  const lower = password.toLowerCase()
  if (commonPasswords.has(lower)) return true
  if (/^(.)\1+$/.test(lower)) return true
  const codes = [...lower].map((char) => char.codePointAt(0) ?? 0)
  const steps = new Set(codes.slice(1).map((code, index) => code - (codes[index] ?? 0)))
  return steps.size === 1 && (steps.has(1) || steps.has(-1))
}
