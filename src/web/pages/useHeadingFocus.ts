import { useEffect, useRef } from 'react';

/** Moves focus to the page's h1 when the page (or key) changes, so screen readers announce it. */
export const useHeadingFocus = (key: unknown) => {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [key]);
  return heading;
};
