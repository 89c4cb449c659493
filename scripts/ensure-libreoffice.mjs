// Installs Debian's headless LibreOffice Writer for the export test that opens the DOCX (idempotent;
// needs root and Debian's package mirror; about half a minute). Never fails the run: without it the
// test skips and says why.
import { execSync, spawnSync } from 'node:child_process';

const PACKAGE = 'libreoffice-writer-nogui';

export function findSoffice() {
	for (const cmd of ['soffice', 'libreoffice']) {
		if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0) return cmd;
	}
	return null;
}

export function ensureLibreOffice() {
	const found = findSoffice();
	if (found) return found;
	if (process.getuid?.() !== 0) {
		console.log(`[planbordet] LibreOffice is missing and this is not root: the DOCX conversion test will skip. Install it with: sudo apt-get install --no-install-recommends ${PACKAGE}`);
		return null;
	}
	console.log(`[planbordet] Installing Debian ${PACKAGE} for the export test (about half a minute) …`);
	try {
		execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGE}`, { stdio: 'inherit' });
	} catch (err) {
		console.log(`[planbordet] Could not install ${PACKAGE} (${err instanceof Error ? err.message : err}): the DOCX conversion test will skip.`);
		return null;
	}
	const installed = findSoffice();
	if (!installed) console.log(`[planbordet] ${PACKAGE} installed no soffice on PATH: the DOCX conversion test will skip.`);
	return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureLibreOffice();
