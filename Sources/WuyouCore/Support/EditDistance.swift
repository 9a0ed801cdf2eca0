/// Levenshtein distance, for "did you mean" on names and codes people type by hand.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `a`
    /// into `b`, compared by Unicode scalar.
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = previous
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The one candidate closest to `written`, when it is close enough to be a slip of the
    /// hand: at most one edit in four characters (one for a three-character room name), and no
    /// other candidate as close. Nil when nothing is close or two are equally close.
    public static func closest(to written: String, among candidates: [String]) -> String? {
        guard !written.isEmpty else { return nil }
        let allowed = max(1, written.unicodeScalars.count / 4)
        var best: (candidate: String, distance: Int)?
        var tie = false
        for candidate in Set(candidates) where candidate != written {
            let distance = between(written, candidate)
            guard distance <= allowed else { continue }
            if let current = best, distance == current.distance {
                tie = tie || candidate != current.candidate
            } else if best == nil || distance < best!.distance {
                best = (candidate, distance)
                tie = false
            }
        }
        return tie ? nil : best?.candidate
    }
}
