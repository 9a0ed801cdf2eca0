import Foundation

/// How room names are compared: Unicode NFKC, then trimmed; inner spaces are kept.
public enum RoomNames {
    public static func normalised(_ name: String) -> String {
        name.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
