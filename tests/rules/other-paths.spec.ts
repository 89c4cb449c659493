// Everything the rules do not name is closed: no browser reads or writes a path outside the
// collections above, not even staff or a coordinator of the region it sits under.
import { describe, it } from 'vitest';
import { assertFails } from '@firebase/rules-unit-testing';
import { doc, getDoc, serverTimestamp, setDoc } from 'firebase/firestore';
import { COMMENTS, JH, useRulesSuite } from '../support/rules-env';
import { paths } from '../../src/lib/domain/paths';

const suite = useRulesSuite();

describe('paths the rules do not name', () => {
	it('a coordinator may not write a top-level collection the rules do not name', async () => {
		await assertFails(setDoc(doc(suite.as('coord'), 'users', 'coord'), { admin: true }));
	});

	it('a staff reader may not read a top-level collection the rules do not name', async () => {
		await assertFails(getDoc(doc(suite.as('reader'), 'users', 'coord')));
	});

	it('a coordinator may not write a subcollection of a year the rules do not name', async () => {
		await assertFails(
			setDoc(doc(suite.as('coord'), paths.year(JH, '2024'), 'notes', 'n1'), { text: 'Hej', by: 'coord', at: serverTimestamp() })
		);
	});

	it('an editor may not write a subcollection of a comment', async () => {
		await assertFails(
			setDoc(doc(suite.as('editor'), paths.comment(JH, '2024', COMMENTS.editorRoot), 'reactions', 'editor'), { emoji: '👍' })
		);
	});

	it('an editor may not write a subcollection of a row', async () => {
		await assertFails(setDoc(doc(suite.as('editor'), paths.row(JH, '2024', 'row-editor'), 'notes', 'n1'), { text: 'Hej' }));
	});
});
