import Foundation
import WuyouCore
import WuyouDecimal

/// Reads cells for their columns, as docs/spec/spreadsheet-format.md's "Cells" says.
///
/// Blank is never 0 or false: it means "not collected". Anything that does not fit the column
/// is a ``CellProblem``, never a default. Stored types count: a numeric cell the sheet shows as a
/// date (Excel turns `6/12` typed into an area into a date) is not taken as a number.
struct CellParser {
    let dateSystem: DateSystem
    let rooms: RoomVocabulary

    /// The cell's content for `column`.
    ///
    /// - Throws: ``CellProblem`` when the cell is required and blank, or does not fit the column.
    func read(_ value: CellValue?, for column: WorkbookColumn) throws(CellProblem) -> CellContent {
        guard let value, !value.isBlank else {
            if column.required { throw CellProblem(.workbookCellRequired, ["column": column.name]) }
            return .blank
        }
        // Worded only when a cell is bad: most are not.
        var quoted: [String: DiagnosticArgument] { ["column": column.name, "value": .quoted(display(value))] }
        switch value {
        case .error: throw CellProblem(.workbookCellErrorValue, quoted)
        case .uncalculatedFormula: throw CellProblem(.workbookCellUncalculated, quoted)
        case .externalFormula: throw CellProblem(.workbookCellExternalFormula, quoted)
        case .text, .number, .boolean: break
        }
        switch column.kind {
        case .identifier:
            return .value(try limited(CellText.singleLine(CellText.normalised(text(of: value))), InputLimits.nameLength, column))
        case .text:
            return .value(try limited(CellText.singleLine(text(of: value)), InputLimits.nameLength, column))
        case .multilineText:
            return .value(try limited(CellText.multiline(text(of: value)), InputLimits.notesLength, column))
        case .date:
            return .value(try day(value, quoted).description)
        case .integer(let minimum, let unit):
            let number = try self.number(value, unit: unit, column: column, quoted)
            guard number.rounded(places: 0) == number else { throw CellProblem(.workbookCellNotWhole, quoted) }
            guard number >= ExactDecimal(minimum) else { throw CellProblem(.workbookCellNotPositive, quoted) }
            return .value("\(number)")
        case .decimal(let unit):
            return .value(DecimalText.text(try self.number(value, unit: unit, column: column, quoted)))
        case .boolean:
            guard let boolean = boolean(value) else { throw CellProblem(.workbookCellNotBoolean, quoted) }
            return .value(boolean ? "true" : "false")
        case .hall:
            if case .text(let text) = value, CellText.normalised(text) == "无大厅" { return .noHall }
            guard let boolean = boolean(value) else { throw CellProblem(.workbookCellNotHall, quoted) }
            return .value(boolean ? "true" : "false")
        case .premises:
            guard case .text(let text) = value, let word = PremisesWords.word(for: text) else {
                throw CellProblem(.workbookCellNotPremises, quoted.merging(
                    ["allowed": .list(PremisesWords.all.map(\.label))]) { $1 })
            }
            return .value(word)
        case .list(let noneWord):
            let text = text(of: value)
            if noneWord, CellText.normalised(text) == ListText.none { return .list([]) }
            let items = ListText.items(text)
            // Inspectors are names; services and regulations are short descriptions.
            let limit = noneWord ? InputLimits.itemTextLength : InputLimits.nameLength
            for item in items { _ = try limited(item, limit, column) }
            return items.isEmpty ? .blank : .list(items)
        case .roomTypes:
            var codes: [String] = []
            for item in text(of: value).split(whereSeparator: { $0.isWhitespace || "、，,".contains($0) }) {
                guard let code = roomCode(String(item)) else {
                    var arguments = quoted.merging(["value": .quoted(String(item)), "allowed": .list(rooms.standardNames)]) { $1 }
                    // A slip of the pen (警物室) is told the room it was probably meant to be, as in a survey file.
                    if let meant = rooms.probableStandardName(of: String(item)) { arguments["suggestion"] = .text(meant) }
                    throw CellProblem(.workbookCellUnknownRoom, arguments)
                }
                if !codes.contains(code) { codes.append(code) }
            }
            return codes.isEmpty ? .blank : .list(codes)
        }
    }

    /// The code a `type` item stands for: a code (compared as a survey's are), a room's name or
    /// an alias. An unknown item spelled like a code is kept as written, as in a survey (a
    /// warning when evaluated); anything else is nil.
    private func roomCode(_ item: String) -> String? {
        if let code = rooms.code(forCode: item) ?? rooms.code(named: item) { return code }
        let written = RoomNames.normalised(item)
        let looksLikeCode = written.lowercased().unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        return looksLikeCode && !written.isEmpty ? written : nil
    }

    /// `text`, unless it is longer than the survey format allows (``InputLimits``).
    private func limited(_ text: String, _ limit: Int, _ column: WorkbookColumn) throws(CellProblem) -> String {
        guard text.count <= limit else {
            throw CellProblem(.workbookCellTooLong, ["column": column.name, "length": .count(text.count), "limit": .count(limit)])
        }
        return text
    }

    /// A number ≥ 0 from a numeric cell or text such as `1,800户`.
    ///
    /// Text that is not a number is told what to write instead: the unit the column takes, and
    /// an example — the number meant, when it says `2万元` — as a survey file's schema errors do.
    private func number(
        _ value: CellValue, unit: NumberUnit, column: WorkbookColumn, _ quoted: @autoclosure () -> [String: DiagnosticArgument]
    ) throws(CellProblem) -> ExactDecimal {
        func notANumber(_ text: String) -> CellProblem {
            let example = NumberText.meant(text, unit: unit).map(DecimalText.text) ?? column.example ?? "1"
            return CellProblem(.workbookCellNotNumber, quoted().merging(["unit": .text(unit.symbol), "example": .text(example)]) { $1 })
        }
        let number: ExactDecimal
        switch value {
        case .number(let stored, let isDate):
            if isDate { throw CellProblem(.workbookCellDateNotNumber, quoted()) }
            number = stored
        case .text(let text):
            switch NumberText.parse(text, unit: unit) {
            case .number(let parsed): number = parsed
            case .wrongUnit(let found):
                throw CellProblem(.workbookCellWrongUnit, quoted().merging(["found": .text(found), "unit": .text(unit.symbol)]) { $1 })
            case .notANumber: throw notANumber(text)
            }
        default:
            throw notANumber("")
        }
        guard number >= 0 else { throw CellProblem(.workbookCellNegative, quoted()) }
        return number
    }

    private func day(_ value: CellValue, _ quoted: @autoclosure () -> [String: DiagnosticArgument]) throws(CellProblem) -> CalendarDay {
        switch value {
        case .number(let serial, true):
            guard let day = dateSystem.day(fromSerial: serial) else { throw CellProblem(.workbookCellNoSuchDay, quoted()) }
            return day
        case .text(let text):
            switch DateText.parse(text) {
            case .day(let day): return day
            case .noSuchDay: throw CellProblem(.workbookCellNoSuchDay, quoted())
            case .notADate: throw CellProblem(.workbookCellNotDate, quoted())
            }
        default:
            throw CellProblem(.workbookCellNotDate, quoted())
        }
    }

    private func boolean(_ value: CellValue) -> Bool? {
        switch value {
        case .boolean(let boolean): boolean
        case .number(let number, false) where number == 0 || number == 1: number == 1
        case .text(let text): BooleanWords.parse(text)
        default: nil
        }
    }

    /// A cell's value as text, for text columns: numbers as written without exponent (a code
    /// typed into a General cell is stored as a number), dates as `YYYY-MM-DD`.
    private func text(of value: CellValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number, true): dateSystem.day(fromSerial: number)?.description ?? DecimalText.text(number)
        case .number(let number, false): DecimalText.text(number)
        case .boolean(let boolean): boolean ? "TRUE" : "FALSE"
        case .error(let text): text
        case .uncalculatedFormula, .externalFormula: ""
        }
    }

    /// The value as a message quotes it (the message shortens long text).
    private func display(_ value: CellValue) -> String {
        CellText.singleLine(text(of: value))
    }
}
