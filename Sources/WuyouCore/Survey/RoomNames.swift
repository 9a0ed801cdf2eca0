import Foundation

/// How room names are compared: Unicode NFKC, then trimmed; inner spaces are kept.
public enum RoomNames {
    public static func normalised(_ name: String) -> String {
        // Visible ASCII and CJK unified ideographs are their own NFKC form and hold no
        // whitespace: most names are only those, and skip Foundation's normalisation.
        if name.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }) {
            return name
        }
        return name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
