/**
 * Applies edits computed against the original text, last first, so earlier offsets stay valid.
 * Overlapping edits are a bug in whoever planned them.
 */
export function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
    let result = text;
    let limit = Infinity;
    for (const edit of sorted) {
        if (edit.end > limit)
            throw new Error(`overlapping edits at ${edit.start}..${edit.end}`);
        result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
        limit = edit.start;
    }
    return result;
}
