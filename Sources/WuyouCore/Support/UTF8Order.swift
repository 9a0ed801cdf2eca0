import Foundation

/// Byte order of UTF-8 encodings: the same on every machine and in every locale, so that paths,
/// sub-districts and entries sort alike everywhere.
public enum UTF8Order {
    /// Whether `lhs` sorts before `rhs` by the bytes of their UTF-8 encodings.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        // memcmp on the stored bytes: sorting a city's paths compares them a million times.
        let ordered = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
        return (ordered ?? nil) ?? lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
