// The blocking functions' own small codebase (firebase.json codebase "blocking", built to
// functions-blocking/lib): Identity Platform waits at most 7 s for them, cold start included, so they
// load only what they need and none of the main codebase's export renderers or params.
export { beforeUserCreated } from './triggers/before-user-created';
export { beforeUserSignedIn } from './triggers/before-user-signed-in';
