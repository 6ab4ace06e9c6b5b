/**
 * Fonts bundled with the app (no CDN): Noto Sans for Latin, Cyrillic and Greek, and a Noto face per
 * other major script. Each face is split by unicode-range, so a page fetches only the scripts it shows.
 * CJK faces come in 400 only: they are the largest by far, and bold CJK is rare in the UI
 * (the browser synthesises it).
 */
import "@fontsource/noto-sans/400.css";
import "@fontsource/noto-sans/600.css";
import "@fontsource/noto-sans-arabic/400.css";
import "@fontsource/noto-sans-arabic/600.css";
import "@fontsource/noto-sans-hebrew/400.css";
import "@fontsource/noto-sans-hebrew/600.css";
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
import "@fontsource/noto-sans-sc/400.css";
import "@fontsource/noto-sans-jp/400.css";
import "@fontsource/noto-sans-kr/400.css";
