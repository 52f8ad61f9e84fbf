/** The full id order after moving one item by `delta` places; unchanged when it cannot move. */
export function moveId(ids: readonly number[], id: number, delta: number): number[] {
  const from = ids.indexOf(id)
  const to = from + delta
  if (from < 0 || to < 0 || to >= ids.length) return [...ids]
  const out = [...ids]
  out.splice(from, 1)
  out.splice(to, 0, id)
  return out
}
