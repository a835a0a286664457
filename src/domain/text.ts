/**
 * Fold Vietnamese for search: "Nguyễn Thị Hòa" and "nguyen thi hoa" meet; đ/Đ becomes d.
 * Lowercase first (some capitals lowercase into a letter plus a mark), then strip every combining
 * mark, whichever way the text was composed (NFC from a keyboard, NFD from some PDFs and Macs).
 */
export function foldVietnamese(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[\s\u200b\ufeff]+/g, ' ')
    .trim();
}

const SEPARATORS = /[^\p{L}\p{N}]+/u;
const EDGE_SEPARATORS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// Pieces of a code shorter than this ("00", "h29") would match almost every dossier.
const MIN_CODE_PIECE = 4;

/**
 * Unique folded words of the given texts, for prefix search.
 * - Plain words are split on anything that is not a letter or digit: "Lê-Văn" gives "le", "van".
 * - A word with digits and separators (dossier code "000.00.12.H26-260310-01001", phone
 *   "0912.345.678", ID "001 203 012345" is three words) is also kept whole, and without its
 *   separators ("0912345678"), plus its longer pieces (date, sequence).
 */
export function searchTokens(...parts: (string | undefined | null)[]): string[] {
  const tokens = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const raw of foldVietnamese(part).split(' ')) {
      const word = raw.replace(EDGE_SEPARATORS, '');
      const pieces = word.split(SEPARATORS).filter(Boolean);
      if (pieces.length === 0) continue;
      if (pieces.length === 1 || !/\d/.test(word)) {
        for (const piece of pieces) tokens.add(piece);
        continue;
      }
      tokens.add(word);
      tokens.add(pieces.join(''));
      for (const piece of pieces) if (piece.length >= MIN_CODE_PIECE) tokens.add(piece);
    }
  }
  return [...tokens];
}

/** A typed query's folded words, without the punctuation at their edges. */
function queryWords(query: string): string[] {
  return foldVietnamese(query)
    .split(' ')
    .map((w) => w.replace(EDGE_SEPARATORS, ''))
    .filter(Boolean);
}

/**
 * Every word of the query is the start of some token ("nguyen h" finds "Nguyễn Thị Hòa").
 * An empty query matches everything.
 */
export function matchesQuery(tokens: string[], query: string): boolean {
  return queryWords(query).every((w) => {
    if (tokens.some((t) => t.startsWith(w))) return true;
    // "le-van" typed against a name stored as "Lê Văn": every piece must match in turn.
    const pieces = w.split(SEPARATORS).filter(Boolean);
    return pieces.length > 1 && pieces.every((p) => tokens.some((t) => t.startsWith(p)));
  });
}

const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * Every ordered pair of a name's words ("nguyen thi", "thi nguyen", "thi hoa", …). A search for a
 * name reads one short index range per pair of typed words instead of every dossier holding a
 * common word ("thi" is in one name of eight).
 */
export function nameWordPairs(name?: string | null): string[] {
  const words = searchTokens(name).filter((w) => LETTERS_ONLY.test(w));
  return words.flatMap((a) => words.filter((b) => b !== a).map((b) => `${a} ${b}`));
}

/**
 * The pair ranges that find a query of two or more name words: consecutive typed words as exact
 * pairs, the last pair as a prefix (the last word may still be being typed). Undefined when the
 * query is not made of letters only (codes, phones) or has one word.
 */
export function namePairQuery(query: string): { exact: string[]; prefix: string } | undefined {
  const words = [...new Set(queryWords(query))];
  if (words.length < 2 || !words.every((w) => LETTERS_ONLY.test(w))) return undefined;
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return { exact: pairs.slice(0, -1), prefix: pairs[pairs.length - 1] };
}
