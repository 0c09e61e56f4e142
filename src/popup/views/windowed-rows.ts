/**
 * A small windowing hook for the codes list: with many accounts only the rows near the visible part are rendered,
 * between two spacers that keep the scroll height. A small component rather than @tanstack/virtual-core (not
 * installed here): the list scrolls with the popup's document, rows are one fixed-height grid line, and what is
 * needed is "which slice is on screen" — about forty lines. Short lists (the common case) render every row, so
 * keyboard order and find-in-page stay exactly as before there.
 */
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';

/** From this many rows on, only a window is rendered. */
export const WINDOW_FROM = 60;
/** Rows rendered above and below the visible part, so a fast scroll or a Tab seldom reaches an empty spacer. */
const OVERSCAN = 10;
/** A row's height before one was measured (the grid row: 34 px + padding + divider). */
const ESTIMATED_ROW_PX = 43;

export interface RowWindow {
  start: number;
  end: number;
  /** Heights of the spacers before and after the rendered rows. */
  before: number;
  after: number;
}

export function sliceFor(count: number, rowPx: number, visibleTop: number, visibleBottom: number): RowWindow {
  if (count < WINDOW_FROM) return { start: 0, end: count, before: 0, after: 0 };
  const start = Math.max(0, Math.min(count, Math.floor(visibleTop / rowPx) - OVERSCAN));
  const end = Math.max(start, Math.min(count, Math.ceil(visibleBottom / rowPx) + OVERSCAN));
  return { start, end, before: start * rowPx, after: (count - end) * rowPx };
}

/** The slice of `count` rows of `list` (a <ul>) that is on screen, following every scroll and resize. */
export function useRowWindow(list: { current: HTMLElement | null }, count: number): RowWindow {
  const [rowPx, setRowPx] = useState(ESTIMATED_ROW_PX);
  const [visible, setVisible] = useState<[number, number]>([0, 800]);

  const windowed = count >= WINDOW_FROM;
  useEffect(() => {
    if (!windowed) return;
    const view = list.current?.ownerDocument.defaultView;
    if (!view) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const rect = list.current?.getBoundingClientRect();
      if (rect) setVisible([Math.max(0, -rect.top), Math.max(0, view.innerHeight - rect.top)]);
    };
    const onScroll = () => {
      if (!frame) frame = view.requestAnimationFrame(measure);
    };
    measure();
    // Capture: the list may scroll with the document or with any container around it.
    view.addEventListener('scroll', onScroll, { capture: true, passive: true });
    view.addEventListener('resize', onScroll);
    return () => {
      view.removeEventListener('scroll', onScroll, { capture: true });
      view.removeEventListener('resize', onScroll);
      if (frame) view.cancelAnimationFrame(frame);
    };
  }, [list, windowed]);

  // One real row's height, once rows are on screen (falls back to the estimate where layout gives none).
  useLayoutEffect(() => {
    if (count < WINDOW_FROM) return;
    const row = list.current?.querySelector<HTMLElement>('li.account');
    const height = row?.offsetHeight ?? 0;
    if (height > 0 && Math.abs(height - rowPx) > 0.5) setRowPx(height);
  });

  return sliceFor(count, rowPx, visible[0], visible[1]);
}
