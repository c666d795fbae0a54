import { useSyncExternalStore } from 'react';
import { navigate as pushPath, usePathname } from 'wouter/use-browser-location';

/**
 * Navigation on wouter's browser location (the History API: the address bar and the back button
 * work); the routes themselves are in App.tsx. One thing wouter leaves to us: following a link
 * to the page one is already on shows it afresh, so every navigation is counted as a visit.
 */
let visits = 0;
const visitListeners = new Set<() => void>();
const subscribeToVisits = (listener: () => void) => {
  visitListeners.add(listener);
  return () => {
    visitListeners.delete(listener);
  };
};

export const navigate = (path: string) => {
  pushPath(path);
  visits += 1;
  visitListeners.forEach((listener) => listener());
};

/**
 * Moves within a page that stays open (a case's tabs): the address and the back button follow,
 * but it is not a new visit, so the page and what it has read stay as they are.
 */
export const navigateWithin = (path: string) => pushPath(path);

/** The current path. */
export const usePath = (): string => usePathname();

/** The current path, and a visit number that changes with every navigation (for a page key). */
export const usePathAndVisit = (): { path: string; visit: number } => ({
  path: usePathname(),
  visit: useSyncExternalStore(subscribeToVisits, () => visits),
});

/** A link that goes by `go` (and still works with a middle or a modified click). */
const linkBy = (go: (path: string) => void) => (path: string) => ({
  href: path,
  onClick: (event: { preventDefault: () => void; metaKey: boolean; ctrlKey: boolean }) => {
    if (event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    go(path);
  },
});

/** A link that navigates inside the app: a new visit. */
export const linkProps = linkBy(navigate);

/** A link within the open page (see navigateWithin). */
export const withinLinkProps = linkBy(navigateWithin);
