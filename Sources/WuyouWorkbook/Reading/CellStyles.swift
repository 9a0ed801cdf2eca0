import WuyouXML

/// Which cell styles (`s="3"` on a cell) show numbers as dates, read from `xl/styles.xml`.
///
/// Excel stores a date as a serial number; only the style's number format says it is a date.
/// Built-in formats 14–22, 27–36, 45–47 and 50–58 are dates and times (27–36 and 50–58 are the
/// Chinese, Japanese and Korean ones WPS and Excel use in China); a custom format is one when
/// its first section has a day, month, year, hour or second outside quotes and brackets.
struct CellStyles {
    private var dateStyles: [Bool]

    static let empty = CellStyles(dateStyles: [])

    private init(dateStyles: [Bool]) {
        self.dateStyles = dateStyles
    }

    init(_ root: SourceElement) {
        var customCodes: [Int: String] = [:]
        for format in root.element("numFmts")?.elements("numFmt") ?? [] {
            if let id = format.attribute("numFmtId").flatMap({ Int($0) }), let code = format.attribute("formatCode") {
                customCodes[id] = code
            }
        }
        dateStyles = (root.element("cellXfs")?.elements("xf") ?? []).map { xf in
            let id = xf.attribute("numFmtId").flatMap { Int($0) } ?? 0
            if let code = customCodes[id] { return Self.isDateFormat(code) }
            return Self.isBuiltInDate(id)
        }
    }

    /// Whether a number with style index `style` is shown as a date or time.
    func isDate(style: Int) -> Bool {
        dateStyles.indices.contains(style) && dateStyles[style]
    }

    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom number format code shows a date or time.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var skipNext = false
        var bracket = ""
        for character in code {
            if skipNext { skipNext = false; continue }
            if inQuotes { inQuotes = character != "\""; continue }
            if inBrackets {
                if character == "]" {
                    inBrackets = false
                    // Elapsed time ([h]:mm, [mm]:ss) is a time; [Red], [$-804], [>100] are not.
                    if !bracket.isEmpty, bracket.lowercased().allSatisfy({ "hms".contains($0) }) { return true }
                } else {
                    bracket.append(character)
                }
                continue
            }
            switch character {
            case ";": return false
            case "\"": inQuotes = true
            case "[": inBrackets = true; bracket = ""
            case "\\", "_", "*": skipNext = true
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                return true
            default: break
            }
        }
        return false
    }
}
