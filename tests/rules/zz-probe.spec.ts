import { it } from 'vitest';
import { getDoc } from 'firebase/firestore';
import { useRulesSuite, rowRef, JH } from '../support/rules-env';
const suite = useRulesSuite();
it('probe', async () => {
  for (let i = 0; i < 10; i++) {
    let t = performance.now();
    await suite.env.clearFirestore();
    const a = performance.now() - t; t = performance.now();
    await suite.seed();
    const b = performance.now() - t; t = performance.now();
    const db = suite.as('coord');
    await getDoc(rowRef(db, JH, 2024, 'row-coord'));
    const c = performance.now() - t; t = performance.now();
    await (db as any).terminate();
    const d = performance.now() - t;
    console.log({ clear: a|0, seed: b|0, firstOp: c|0, terminate: d|0 });
  }
});
