const HEX = /^#[0-9a-f]{6}$/i;
/** What a label shows when its colour is not `#rrggbb` (the server only stores those). */
export const FALLBACK_LABEL_COLOR = '#9aa3b2';

/** The colour to paint a label with: its own when well formed. */
export function labelColor(color: string): string {
  return HEX.test(color) ? color.toLowerCase() : FALLBACK_LABEL_COLOR;
}

/**
 * Black or white, whichever reads better on `color` (WCAG relative luminance: the contrast with
 * black beats the contrast with white above about 0.18).
 */
export function textColorOn(color: string): '#000000' | '#ffffff' {
  const hex = labelColor(color);
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}
