// The one region every function runs in (params.ts and options.ts pass it on; the blocking bundle
// imports it alone, without the params the main codebase declares). All functions are 2nd gen, which
// runs in europe-north1; a Firestore trigger's Eventarc trigger sits in the database's own location
// (eur3 or europe-north1), which firebase-tools sets from the database at deploy.
export const REGION = 'europe-north1';
