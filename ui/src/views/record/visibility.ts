// Tells the Record view which initiatives are near the screen, so that only those hold
// their entries (loaded and in the DOM). An IntersectionObserver on the scrolling pane,
// with a margin so that entries are ready a little before they scroll into sight.

/** Calls back when a watched element comes near the visible part of the pane or leaves it. */
export interface Watcher {
  watch(el: Element, onChange: (near: boolean) => void): void;
  disconnect(): void;
}

/** Makes a watcher for a scrolling pane (null: the window). Tests pass their own. */
export type WatcherFactory = (root: Element | null) => Watcher;

/** How far beyond the visible pane an initiative counts as near (above and below). */
export const NEAR_MARGIN = "1200px 0px";

export const intersectionWatcher: WatcherFactory = (root) => {
  const callbacks = new Map<Element, (near: boolean) => void>();
  const observer = new IntersectionObserver(
    (changes) => {
      for (const change of changes) callbacks.get(change.target)?.(change.isIntersecting);
    },
    { root, rootMargin: NEAR_MARGIN },
  );
  return {
    watch(el, onChange) {
      callbacks.set(el, onChange);
      observer.observe(el);
    },
    disconnect() {
      observer.disconnect();
      callbacks.clear();
    },
  };
};
