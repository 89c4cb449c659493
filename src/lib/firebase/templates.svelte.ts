// templates/{templateId}: the form of a year (parts, columns); any signed-in person reads, and the
// staff's template list follows them all.
import { collection, doc, getDoc } from 'firebase/firestore';
import { template, type Template } from '../domain/schemas';
import { db } from './app';
import { LiveDoc, LiveQuery, warmDoc, zodConverter } from './live.svelte';
import { paths } from '../domain/paths';

const converter = zodConverter(template);
const templateRef = (templateId: string) => doc(db(), paths.template(templateId)).withConverter(converter);

/** Its listener opened early (plan-session.svelte.ts warmPlan): the live reader then starts from it. */
export const warmTemplate = (templateId: string): (() => void) => warmDoc(templateRef(templateId));

export async function getTemplate(templateId: string): Promise<Template | null> {
	const snap = await getDoc(templateRef(templateId));
	return snap.exists() ? snap.data() : null;
}

export class LiveTemplate extends LiveDoc<Template> {
	constructor(templateId: string) {
		super(templateRef(templateId), 'generic');
	}
}

/** Every template, live (the staff's list and the overview); a template that does not parse is counted in `unreadable`. */
export class LiveTemplates extends LiveQuery<Template> {
	constructor() {
		super(collection(db(), paths.templates()).withConverter(converter), 'generic', 'templates');
	}

	get byId(): Map<string, Template> {
		return new Map(this.items.map((i) => [i.id, i.data]));
	}
}
