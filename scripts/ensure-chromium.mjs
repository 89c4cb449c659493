// Installs Debian's Chromium for the browser tests when it is missing (idempotent; needs root and
// Debian's package mirror). Never downloads a browser of its own.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.getuid?.() !== 0) {
		throw new Error(`Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
	}
	console.log('[planbordet] Installing Debian chromium for the browser tests (about a minute) …');
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
	if (!existsSync(CHROMIUM)) throw new Error('apt-get did not install /usr/bin/chromium');
	return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
