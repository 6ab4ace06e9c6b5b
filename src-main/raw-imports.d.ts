/** Vite's `?raw` imports (text files bundled as strings). */
declare module "*?raw" {
  const text: string;
  export default text;
}
