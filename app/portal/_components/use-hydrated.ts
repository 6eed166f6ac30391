import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server HTML and until React has hydrated, then true. The diary form has no
 * server fallback: a tap on Save before the script runs would submit it as a plain GET and
 * lose the score, so its controls stay disabled until they work.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
