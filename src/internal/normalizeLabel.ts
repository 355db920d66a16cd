/**
 * Labels compare case- and space-insensitively, so "Very  Easy" and "very easy" are one label.
 * Linear time: `trim`, one pass of a non-backtracking pattern, and `toLowerCase`.
 */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
