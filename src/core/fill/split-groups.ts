const MIN_BOXES = 4;
const MAX_BOXES = 8;
const MAX_BOX_WIDTH_PX = 64;

/** A one-character box: maxlength=1, or tiny (size ≤ 2 or drawn ≤ 64 px wide) without a longer maxlength. */
export const isBoxLike = (input: HTMLInputElement): boolean => {
  const maxLengthAttr = input.getAttribute('maxlength');
  const maxLength = maxLengthAttr === null ? null : Number.parseInt(maxLengthAttr, 10);
  if (maxLength === 1) return true;
  if (maxLength !== null && maxLength > 2) return false;
  const size = Number.parseInt(input.getAttribute('size') ?? '', 10);
  if (size > 0 && size <= 2) return true;
  const rect = input.getBoundingClientRect();
  return rect.width > 0 && rect.width <= MAX_BOX_WIDTH_PX;
};

const grandparent = (element: Element): Node | null => element.parentNode?.parentNode ?? null;

const shareRow = (a: HTMLInputElement, b: HTMLInputElement): boolean => {
  if (a.parentNode !== b.parentNode && (grandparent(a) === null || grandparent(a) !== grandparent(b))) return false;
  // With layout available (a real browser), the boxes must also line up horizontally.
  const first = a.getBoundingClientRect();
  const second = b.getBoundingClientRect();
  if (first.height === 0 || second.height === 0) return true;
  return Math.abs(first.top - second.top) < first.height / 2 && second.left > first.left;
};

/**
 * Rows of 4–8 consecutive one-character boxes that share a parent or grandparent, in fill order.
 * `inputs` are the usable inputs of one tree in document order.
 */
export const findSplitGroups = (
  inputs: readonly HTMLInputElement[],
): { groups: HTMLInputElement[][]; grouped: Set<HTMLInputElement> } => {
  const groups: HTMLInputElement[][] = [];
  const grouped = new Set<HTMLInputElement>();
  let run: HTMLInputElement[] = [];
  const close = () => {
    if (run.length >= MIN_BOXES && run.length <= MAX_BOXES) {
      groups.push(run);
      for (const input of run) grouped.add(input);
    }
    run = [];
  };
  for (const input of inputs) {
    if (!isBoxLike(input)) {
      close();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous && !shareRow(previous, input)) close();
    run.push(input);
  }
  close();
  return { groups, grouped };
};
