import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref whose element takes the focus when it appears: the first field of a screen or the safe button of a
 * confirmation, so keyboard and screen-reader users start where the screen starts (never on <body>).
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/**
 * Arrow keys, Home and End in a tab list (WAI-ARIA tabs pattern, automatic activation): returns the index of
 * the tab to select and focus, or null for any other key.
 */
export function tabIndexForKey(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  if (key === 'ArrowRight' || key === 'ArrowDown') return (current + 1) % count;
  if (key === 'ArrowLeft' || key === 'ArrowUp') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
