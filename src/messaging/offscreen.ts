/**
 * Background → offscreen document (Chrome): blank the clipboard. Not a ui: message; the router never sees it.
 * A file of its own so the offscreen page loads no schema library.
 */
export const OFFSCREEN_ERASE = 'offscreen:erase-clipboard';
export const OFFSCREEN_PAGE = 'src/offscreen/index.html';
