// Runs before the test scripts: a fresh clone (CI, Maven's test phase) has no node_modules yet,
// and `npm ci` installs exactly what package-lock.json pins.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const needed = ['vitest', 'playwright', 'tsc', 'vite']
if (!needed.every((bin) => existsSync(`${root}node_modules/.bin/${bin}`))) {
  execSync('npm ci', { cwd: root, stdio: 'inherit' })
}
