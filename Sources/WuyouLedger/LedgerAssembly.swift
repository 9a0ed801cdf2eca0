import WuyouCore
/// Puts the ledger files of one run together and checks them against the checklist in use:
/// every file for this checklist, every requirement id one of its own, no two entries that
/// contradict each other, not more entries than ``LedgerLimits/entries``.
public enum LedgerAssembly {
    /// The ledger of `files`, in their order.
    ///
    /// Two waivers for the same target and requirement overlap when their periods (approved
    /// to expires, both days included; no expiry runs for ever) share a day. Two commitments
    /// for the same target and requirement always overlap: a commitment runs until its gap
    /// is closed, so a second one would be a second deadline for the same work. Either is an
    /// error at the second entry, naming the first.
    ///
    /// - Throws: ``Diagnostics`` listing every problem, each at its file and line (or cell).
    public static func ledger(_ files: [LedgerFile], checklist: Checklist) throws(Diagnostics) -> Ledger {
        var problems: [Diagnostic] = []
        let ids = Set(checklist.requirements.map(\.id))
        let allIDs = checklist.requirements.map(\.id)
        var entries: [LedgerEntry] = []
        for file in files {
            if let named = file.checklist, named != checklist.id {
                problems.append(Diagnostic(
                    .ledgerChecklistMismatch, at: file.checklistLocation,
                    ["ledger": .quoted(named), "checklist": .text(checklist.id)]))
                continue
            }
            for entry in file.entries {
                guard ids.contains(entry.requirement) else {
                    var arguments: [String: DiagnosticArgument] = [
                        "requirement": .quoted(entry.requirement), "checklist": .text(checklist.id),
                    ]
                    if let suggestion = EditDistance.closest(to: entry.requirement, among: allIDs) {
                        arguments["suggestion"] = .text(suggestion)
                    }
                    problems.append(Diagnostic(.ledgerRequirementUnknown, at: entry.requirementLocation, arguments))
                    continue
                }
                entries.append(entry)
            }
        }
        if entries.count > LedgerLimits.entries {
            problems.append(Diagnostic(
                .ledgerTooMany, at: entries[LedgerLimits.entries].location, ["limit": .count(LedgerLimits.entries)]))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        problems += overlaps(in: entries)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return Ledger(entries: entries)
    }

    private struct Key: Hashable {
        var waiver: Bool
        var target: LedgerEntry.Target
        var requirement: String
    }

    /// An error at each entry that overlaps an earlier one (see ``ledger(_:checklist:)``).
    static func overlaps(in entries: [LedgerEntry]) -> [Diagnostic] {
        var earlier: [Key: [Int]] = [:]
        var problems: [Diagnostic] = []
        for (index, entry) in entries.enumerated() {
            let key = Key(waiver: entry.isWaiver, target: entry.target, requirement: entry.requirement)
            let clash = earlier[key]?.first { overlap(entries[$0], entry) }
            if let clash {
                let first = entries[clash].location
                problems.append(Diagnostic(.ledgerOverlap, at: entry.location, [
                    "kind": .text(entry.isWaiver ? "waiver" : "commitment"), "requirement": .text(entry.requirement),
                    "first": .text(first.cell.map { "\(first.file):\($0)" } ?? "\(first.file):\(first.line ?? 1)"),
                ]))
            } else {
                earlier[key, default: []].append(index)
            }
        }
        return problems
    }

    private static func overlap(_ first: LedgerEntry, _ second: LedgerEntry) -> Bool {
        guard let a = first.waiver, let b = second.waiver else { return true }
        // [a.approved, a.expires] and [b.approved, b.expires] share a day.
        let aEndsBefore = a.expires.map { $0 < b.approved } ?? false
        let bEndsBefore = b.expires.map { $0 < a.approved } ?? false
        return !aEndsBefore && !bEndsBefore
    }
}
