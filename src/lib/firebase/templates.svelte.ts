// templates/{templateId}: the form of a year (parts, columns); any signed-in person reads.
import { doc, getDoc } from 'firebase/firestore';
import { template, type Template } from '../domain/schemas';
import { sv } from '../i18n/sv';
import { db } from './app';
import { LiveDoc, zodConverter } from './live.svelte';

const converter = zodConverter(template);
const templateRef = (templateId: string) => doc(db(), 'templates', templateId).withConverter(converter);

export async function getTemplate(templateId: string): Promise<Template | null> {
	const snap = await getDoc(templateRef(templateId));
	return snap.exists() ? snap.data() : null;
}

export class LiveTemplate extends LiveDoc<Template> {
	constructor(templateId: string) {
		super(templateRef(templateId), sv.errors.generic);
	}
}
