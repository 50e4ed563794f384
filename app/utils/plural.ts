const count = new Intl.NumberFormat("en-US");

/** "1 note", "3 notes", "1,200 views": the count and the word in agreement. */
export function plural(n: number, one: string, many = `${one}s`) {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}
