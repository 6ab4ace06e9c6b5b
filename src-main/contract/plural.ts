/** plural(1, "vote") → "1 vote", plural(3, "vote") → "3 votes". Shared by the app, its reports and the CLI. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
