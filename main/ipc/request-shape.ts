/**
 * Bounds on a request's shape, checked before the schema sees it.
 *
 * Schemas and `JSON.stringify` (the draft size check) walk a request recursively: a list nested
 * 5,000 levels deep overflows the stack inside them. This walk is iterative, so it cannot, and it
 * stops at the first bound passed. The bounds sit far above every real request (the largest,
 * `tasks.export` and `tasks.search`, carry up to 100,000 ids or keys; the deepest, a draft's
 * settings, about 5 levels).
 */
export const REQUEST_LIMITS = {
  /** Levels of nested lists and objects. */
  depth: 32,
  /** Values of every kind (objects, lists, text, numbers, …). */
  values: 250_000,
  /** Characters of text, keys included. */
  characters: 16_000_000,
} as const;

/** What is wrong with a request's shape, or null when it is within the bounds. */
export type ShapeProblem = 'too-deep' | 'too-many-values' | 'too-much-text' | null;

/** Walks `value` without recursion and names the first bound it passes. */
export function shapeProblem(
  value: unknown,
  limits: {
    readonly depth: number;
    readonly values: number;
    readonly characters: number;
  } = REQUEST_LIMITS,
): ShapeProblem {
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  let values = 1;
  let characters = 0;
  // Counted as they are found, so a huge list is refused before it is copied onto the stack.
  const push = (child: unknown, depth: number): boolean => {
    values += 1;
    if (values > limits.values) return false;
    stack.push({ value: child, depth });
    return true;
  };
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const item = next.value;
    if (typeof item === 'string') {
      characters += item.length;
      if (characters > limits.characters) return 'too-much-text';
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    if (next.depth >= limits.depth) return 'too-deep';
    if (Array.isArray(item)) {
      for (const child of item as unknown[]) {
        if (!push(child, next.depth + 1)) return 'too-many-values';
      }
      continue;
    }
    for (const key of Object.keys(item)) {
      characters += key.length;
      if (characters > limits.characters) return 'too-much-text';
      if (!push((item as Record<string, unknown>)[key], next.depth + 1)) return 'too-many-values';
    }
  }
  return null;
}
