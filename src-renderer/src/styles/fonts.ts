/**
 * Fonts bundled with the app (no CDN): Noto Sans for Latin, Cyrillic and Greek, and a Noto face per
 * other major script, in weights 400 and 600 (CJK: 400 only; they are by far the largest, and the
 * browser synthesises bold). Most faces are split by unicode-range, so a page fetches only the
 * scripts it shows.
 *
 * Two exceptions, because the CSP allows fonts from 'self' only and Vite inlines files under 4 KiB as
 * data: URLs (which Chromium then loads eagerly, and the CSP blocks): the full Hebrew and SC packages
 * include such tiny slices, so those two come as their script-only subsets (one file each, no
 * unicode-range). theme.css orders the font stack so that those two are consulted last.
 */
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/600.css";
import "@fontsource/noto-sans-devanagari/400.css";
import "@fontsource/noto-sans-devanagari/600.css";
import "@fontsource/noto-sans-bengali/400.css";
import "@fontsource/noto-sans-bengali/600.css";
import "@fontsource/noto-sans-tamil/400.css";
import "@fontsource/noto-sans-tamil/600.css";
import "@fontsource/noto-sans-thai/400.css";
import "@fontsource/noto-sans-thai/600.css";
import "@fontsource/noto-sans-ethiopic/400.css";
import "@fontsource/noto-sans-ethiopic/600.css";
import "@fontsource/noto-sans-khmer/400.css";
import "@fontsource/noto-sans-khmer/600.css";
import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-kr/400.css";
import "@fontsource/noto-sans-hebrew/hebrew-400.css";
import "@fontsource/noto-sans-hebrew/hebrew-600.css";
import "@fontsource/noto-sans-sc/chinese-simplified-400.css";
