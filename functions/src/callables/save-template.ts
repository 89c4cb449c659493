// saveTemplate({ templateId, published, content }): a Tillväxtverket admin creates or replaces a
// template, as a draft or published. The content is checked by its schema (duplicate keys, no
// columns, choices missing, … as invalid-argument issues). A template that any plan uses is never
// changed again, not even unpublished: a change is a new template with a new id (template-in-use).
import { HttpsError, onCall } from 'firebase-functions/v2/https';
import { db } from '../shared/admin';
import { callerUid, parseInput, requireMay } from '../shared/callable';
import { CALLABLE } from '../shared/options';
import { saveTemplateInput, template } from '../../../src/lib/domain/schemas';
import { templateDocument } from '../../../src/lib/domain/template';
import { GROUPS, paths } from '../../../src/lib/domain/paths';

export const saveTemplate = onCall(CALLABLE, async (request) => {
	const uid = callerUid(request);
	const { templateId, published, content } = parseInput(saveTemplateInput, request.data);
	const fs = db();
	await requireMay(fs, uid, null, 'manage-templates');
	const now = new Date();
	const data = parseInput(template, templateDocument(content, published, published ? uid : null, published ? now : null));
	const ref = fs.doc(paths.template(templateId));
	// Reading the plans that use it in the transaction that writes it: a plan created meanwhile on this
	// template conflicts with the write instead of ending up on a form that changed under it.
	const inUse = await fs.runTransaction(async (tx) => {
		if ((await tx.get(ref)).exists) {
			const users = await tx.get(fs.collectionGroup(GROUPS.years).where('templateId', '==', templateId).limit(1));
			if (!users.empty) return true;
		}
		tx.set(ref, data);
		return false;
	});
	if (inUse) throw new HttpsError('failed-precondition', 'template-in-use', { reason: 'template-in-use', templateId });
	return { ok: true, templateId };
});
