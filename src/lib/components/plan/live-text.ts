// An attachment that keeps a text box showing a value that can change under the person typing in it
// (someone else's edit taken into their open editor), with their caret and selection kept in place.
import type { Attachment } from 'svelte/attachments';
import { rebaseSelection } from '../../domain/caret';

/** `{@attach liveText(value)}` instead of `value={value}`: the box takes a new value without losing the caret. */
export function liveText(value: string): Attachment<HTMLTextAreaElement | HTMLInputElement> {
	return (node) => {
		if (node.value === value) return;
		const focused = node.ownerDocument.activeElement === node;
		const selection = focused ? rebaseSelection(node.value, value, { start: node.selectionStart ?? 0, end: node.selectionEnd ?? 0 }) : null;
		node.value = value;
		if (selection) node.setSelectionRange(selection.start, selection.end);
	};
}
