/** Fold Vietnamese for search: "Nguyễn Thị Hòa" and "nguyen thi hoa" meet; đ/Đ becomes d. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Unique folded words of the given texts. A code-like word ("000.00.12.H26-260310-01001") is kept
 * whole, plus its longer pieces (date, sequence): its short pieces ("00", "12") would match everything.
 */
export function searchTokens(...parts: (string | undefined | null)[]): string[] {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const word of foldVietnamese(part).split(' ')) {
      const pieces = word.split(/[^a-z0-9]+/).filter(Boolean);
      if (pieces.length <= 1) {
        if (pieces[0]) tokens.add(pieces[0]);
        continue;
      }
      tokens.add(word);
      for (const piece of pieces) if (piece.length >= 4) tokens.add(piece);
    }
  }
  return [...tokens];
}

/** Every word of the query is the start of some token. */
export function matchesQuery(tokens: string[], query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => tokens.some((t) => t.startsWith(w)));
}
