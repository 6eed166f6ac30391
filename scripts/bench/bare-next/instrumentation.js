// Without its own file, the build picks up the repository's instrumentation.ts (Knotwork's
// start-up checks and job loop), which a bare floor must not run.
export function register() {}
