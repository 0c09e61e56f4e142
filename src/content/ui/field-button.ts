import { clickIsSafe, REFUSAL_TEXT } from './click-safety';
import { words } from './words';
import { safely } from '../safety';
import { createUiHost, h, type UiHost } from './host';

const SIZE = 22;
const NOTE_MS = 3000;

const CSS =
  'button{all:unset;width:22px;height:22px;border-radius:4px;background:#1a73e8;color:#fff;display:grid;place-items:center;cursor:pointer;font:700 10px/1 system-ui,sans-serif}' +
  'p{position:absolute;right:0;top:26px;margin:0;width:220px;background:#202124;color:#fff;padding:6px 8px;border-radius:4px}';

type Rect = Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom' | 'width' | 'height'>;

const sameRect = (a: Rect | null, b: Rect): boolean =>
  a !== null && Math.abs(a.left - b.left) < 1 && Math.abs(a.top - b.top) < 1 && Math.abs(a.width - b.width) < 1;

/** Lowest opacity and any hiding over the host and its ancestors (the page can style <html>). */
const visibilityOf = (view: Window, host: Element): { minOpacity: number; hidden: boolean } => {
  let minOpacity = 1;
  let hidden = false;
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = view.getComputedStyle(element);
    const opacity = Number.parseFloat(style.opacity || '1');
    if (Number.isFinite(opacity)) minOpacity = Math.min(minOpacity, opacity);
    if (style.display === 'none' || style.visibility === 'hidden' || /opacity\(|blur\(/.test(style.filter || ''))
      hidden = true;
  }
  return { minOpacity, hidden };
};

/**
 * Whether the browser reports occlusion (IntersectionObserver v2 `isVisible`, with `trackVisibility`):
 * Chromium does, Firefox does not. Without it no check can tell a real click from one a see-through
 * overlay (top layer, pointer-events: none) steered onto the button, so no button is shown.
 */
export const hasOcclusionData = (view: Window): boolean => {
  const entry = (view as Window & { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return typeof entry === "function" && "isVisible" in (entry as { prototype: object }).prototype;
};

/**
 * A small fill button at the right edge of an OTP field, inside a closed shadow root.
 * Calls `onActivate` only for trusted clicks that pass the clickjacking checks; otherwise shows why not.
 * Returns null (no button) where the browser gives no occlusion data.
 */
export const attachFieldButton = (input: HTMLInputElement, onActivate: () => void): { detach(): void } | null => {
  const doc = input.ownerDocument;
  const view = doc.defaultView;
  if (!view || !hasOcclusionData(view)) return null;
  const ui: UiHost = createUiHost(doc, 'otp-guard-fill', CSS);
  const button = h(doc, 'button', '', 'OTP');
  button.type = 'button';
  button.title = words().t('field_button_title');
  ui.root.append(button);

  const now = () => view.performance.now();
  let shownAt = now();
  let movedAt = shownAt;
  let lastRect: Rect | null = null;
  let rectAtPointerDown: Rect | null = null;
  let frame = 0;
  let hovering = false;

  const measure = () => {
    const rect = input.getBoundingClientRect();
    if (!sameRect(lastRect, rect)) {
      if (lastRect !== null) movedAt = now();
      lastRect = rect;
      ui.place(rect.right - SIZE - 4, rect.top + (rect.height - SIZE) / 2);
    }
    return rect;
  };
  // While the pointer is over the button, sample every frame so a page-driven slide is seen.
  const sample = () => {
    frame = 0;
    measure();
    if (hovering) frame = view.requestAnimationFrame(sample);
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(sample);
  };

  let noteTimer = 0;
  const showNote = (text: string) => {
    ui.root.querySelector('p')?.remove();
    const note = h(doc, 'p', '', text);
    note.setAttribute('role', 'status');
    ui.root.append(note);
    view.clearTimeout(noteTimer);
    noteTimer = view.setTimeout(() => note.remove(), NOTE_MS);
  };

  // Chromium's IntersectionObserver v2 reports whether the button is really visible: not covered by
  // anything (even a pointer-events: none overlay), not faded, not filtered.
  // Until the first report, the button counts as covered.
  let occluded = true;
  const IntersectionObserverV2 = (view as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  const visibility = IntersectionObserverV2
    ? new IntersectionObserverV2(
        (entries) => {
          const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
          if (entry && typeof entry.isVisible === 'boolean') occluded = !entry.isVisible;
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      )
    : null;
  visibility?.observe(button);

  button.addEventListener('pointerenter', () => {
    hovering = true;
    schedule();
  });
  button.addEventListener('pointerleave', () => {
    hovering = false;
  });
  button.addEventListener('pointerdown', () => {
    rectAtPointerDown = measure();
  });
  const onClick = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const rect = measure();
    const topmost = typeof doc.elementsFromPoint === 'function' ? doc.elementsFromPoint(event.clientX, event.clientY)[0] : null;
    const verdict = clickIsSafe({
      isTrusted: event.isTrusted === true,
      topmostIsHost: topmost === ui.host,
      occluded,
      ...visibilityOf(view, ui.host),
      movedDuringClick: rectAtPointerDown !== null && !sameRect(rectAtPointerDown, rect),
      msSinceMoved: now() - movedAt,
      msSinceShown: now() - shownAt,
    });
    rectAtPointerDown = null;
    if (verdict.safe) onActivate();
    else showNote(words().t(REFUSAL_TEXT[verdict.reason]));
  };
  // Fail closed: a check that throws refuses the click.
  button.addEventListener('click', safely('fill button click', onClick, (event) => {
    event.preventDefault();
    event.stopPropagation();
  }));

  const onLayoutChange = () => schedule();
  view.addEventListener('scroll', onLayoutChange, { capture: true, passive: true });
  view.addEventListener('resize', onLayoutChange, { passive: true });
  measure();
  shownAt = now();

  return {
    detach() {
      visibility?.disconnect();
      view.removeEventListener('scroll', onLayoutChange, { capture: true });
      view.removeEventListener('resize', onLayoutChange);
      if (frame) view.cancelAnimationFrame(frame);
      view.clearTimeout(noteTimer);
      ui.remove();
    },
  };
};
