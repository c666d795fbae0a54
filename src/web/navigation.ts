import { useEffect, useState } from 'react';

/** A very small router on the History API: the address bar and the back button work. */
const listeners = new Set<() => void>();
/** Counts navigations, so following a link to the page one is on shows it afresh. */
let visits = 0;

export const navigate = (path: string) => {
  window.history.pushState(null, '', path);
  visits += 1;
  listeners.forEach((listener) => listener());
};

/** The current path, and a visit number that changes with every navigation (for a page key). */
export const usePath = (): string => usePathAndVisit().path;

export const usePathAndVisit = (): { path: string; visit: number } => {
  const [state, setState] = useState({ path: window.location.pathname, visit: visits });
  useEffect(() => {
    const update = () => setState({ path: window.location.pathname, visit: visits });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return state;
};

/** A link that navigates inside the app (and still works with a middle click). */
export const linkProps = (path: string) => ({
  href: path,
  onClick: (event: { preventDefault: () => void; metaKey: boolean; ctrlKey: boolean }) => {
    if (event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    navigate(path);
  },
});
