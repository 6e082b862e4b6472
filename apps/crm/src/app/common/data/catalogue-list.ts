/** A saved item in its place: an edit may move it (a rename), so the whole list is sorted again. */
export function withSaved<Item extends { id: string }>(
  items: readonly Item[] | undefined,
  saved: Item,
  order: (a: Item, b: Item) => number,
): Item[] {
  return [...(items ?? []).filter((i) => i.id !== saved.id), saved].sort(order);
}

/** Undefined (not loaded yet) stays undefined: a delete is no reason to show an empty list. */
export function without<Item extends { id: string }>(items: Item[] | undefined, id: string): Item[] | undefined {
  return items?.filter((i) => i.id !== id);
}
