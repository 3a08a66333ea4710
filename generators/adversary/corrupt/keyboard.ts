// QWERTY neighbours: the keys a finger slips to when it misses (same row and the rows above/below).

const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
// Horizontal offset of each row in key widths (staggered keyboard), so diagonal neighbours are right.
const OFFSETS = [0, 0.5, 0.75, 1.25];

function buildNeighbours(): Map<string, string> {
  const position = new Map<string, [number, number]>();
  ROWS.forEach((row, r) => [...row].forEach((ch, c) => position.set(ch, [r, c + OFFSETS[r]!])));
  const neighbours = new Map<string, string>();
  for (const [ch, [r, x]] of position) {
    let near = '';
    for (const [other, [r2, x2]] of position) {
      if (other === ch) continue;
      const dr = Math.abs(r2 - r);
      const dx = Math.abs(x2 - x);
      if ((dr === 0 && dx === 1) || (dr === 1 && dx <= 0.75)) near += other;
    }
    neighbours.set(ch, near);
  }
  return neighbours;
}

const NEIGHBOURS = buildNeighbours();

/** The QWERTY neighbours of a key (lower case letters and digits; case follows the input). '' if none. */
export function keyboardNeighbours(ch: string): string {
  const lower = ch.toLowerCase();
  const near = NEIGHBOURS.get(lower) ?? '';
  return ch !== lower ? near.toUpperCase() : near;
}

/** True when b is a QWERTY neighbour of a (case-insensitive). */
export function isNeighbour(a: string, b: string): boolean {
  return (NEIGHBOURS.get(a.toLowerCase()) ?? '').includes(b.toLowerCase());
}
