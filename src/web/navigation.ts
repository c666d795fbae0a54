import { useEffect, useState } from 'react';

/** A very small router on the History API: the address bar and the back button work. */
const listeners = new Set<() => void>();

export const navigate = (path: string) => {
  window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
};

export const usePath = (): string => {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
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
