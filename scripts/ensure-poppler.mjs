// Installs Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm) for the checks that read PDFs: the
// printed plan's pages and words, the DOCX's pages as PNG (idempotent; needs root and Debian's package
// mirror). Never fails the run: without it those checks skip and say why.
import { execSync, spawnSync } from 'node:child_process';

const PACKAGE = 'poppler-utils';
const TOOLS = ['pdfinfo', 'pdftotext', 'pdftoppm'];

/** True when every tool the checks use is on PATH. */
export function hasPoppler() {
	return TOOLS.every((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0);
}

export function ensurePoppler() {
	if (hasPoppler()) return true;
	if (process.getuid?.() !== 0) {
		console.log(`[planbordet] poppler-utils is missing and this is not root: the print PDF and DOCX page-image checks will skip. Install it with: sudo apt-get install --no-install-recommends ${PACKAGE}`);
		return false;
	}
	console.log(`[planbordet] Installing Debian ${PACKAGE} for the PDF checks (a few seconds) …`);
	try {
		execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${PACKAGE}`, { stdio: 'inherit' });
	} catch (err) {
		console.log(`[planbordet] Could not install ${PACKAGE} (${err instanceof Error ? err.message : err}): the PDF checks will skip.`);
		return false;
	}
	const installed = hasPoppler();
	if (!installed) console.log(`[planbordet] ${PACKAGE} installed without ${TOOLS.join(', ')} on PATH: the PDF checks will skip.`);
	return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePoppler();
