import Foundation
import Testing
import WuyouCore
import WuyouLedger

/// Ledgers the tests of several modules build on, for the bundled examples: 友谊路 (code
/// 420682001003, id zanyang-youyilu-2024-05, 2024-05-14; police room gap, five.regulations
/// partial, admin.access-system gap) and 大桥路 (id zanyang-daqiaolu-2024-05, no code).
public enum LedgerSamples {
    /// A ledger document holding `entries` (XML elements), the root on line 2.
    public static func xml(_ entries: [String], checklist: String? = nil) -> String {
        let attribute = checklist.map { #" checklist="\#($0)""# } ?? ""
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ledger xmlns=\"urn:wuyou:ledger:1\"\(attribute)>\n"
            + entries.map { "  " + $0 + "\n" }.joined() + "</ledger>\n"
    }

    public static func waiver(
        _ requirement: String = "room.police", community: String? = "420682001003", survey: String? = nil,
        approved: String = "2024-03-01", expires: String? = "2026-12-31", approvedBy: String = "老河口市公安局",
        reason: String = "警务室与辖区派出所合署，经公安局批准不单设"
    ) -> String {
        var attributes = ""
        if let community { attributes += #" community="\#(community)""# }
        if let survey { attributes += #" survey="\#(survey)""# }
        if let expires { attributes += #" expires="\#(expires)""# }
        return #"<waiver requirement="\#(requirement)"\#(attributes) approved-by="\#(approvedBy)" approved="\#(approved)">\#(reason)</waiver>"#
    }

    public static func commitment(
        _ requirement: String = "five.regulations", community: String? = nil, survey: String? = "zanyang-youyilu-2024-05",
        due: String = "2024-09-30", measure: String = "补充制定财务管理制度并上墙", owner: String = "友谊路社区居委会"
    ) -> String {
        var attributes = ""
        if let community { attributes += #" community="\#(community)""# }
        if let survey { attributes += #" survey="\#(survey)""# }
        return #"<commitment requirement="\#(requirement)"\#(attributes) owner="\#(owner)" due="\#(due)">\#(measure)</commitment>"#
    }

    /// Every state once for 友谊路: an applied waiver (police room), an open commitment
    /// (regulations), an overdue one (access system), an unused waiver (office), an expired one
    /// (culture room… met, so unused too), and an entry for a community no example has.
    public static let youyilu: [String] = [
        waiver(),
        commitment(),
        commitment("admin.access-system", due: "2024-04-30", measure: "建立门禁和来访登记制度", owner: "赞阳办事处"),
        waiver("room.office", approved: "2023-01-01", expires: "2023-12-31", approvedBy: "赞阳办事处", reason: "临时借用"),
        commitment("room.police", community: "999", survey: nil, due: "2025-01-01", measure: "不存在的社区", owner: "某单位"),
    ]

    /// The ledger of `entries`, checked against the bundled checklist.
    public static func ledger(
        _ entries: [String], checklist: Checklist = HTMLFixtures.checklist, path: String = "ledger.xml",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Ledger {
        do {
            let file = try LedgerReader.read(bytes: Array(xml(entries).utf8), path: path)
            return try LedgerAssembly.ledger([file], checklist: checklist)
        } catch {
            Issue.record("the sample ledger does not load: \(error)", sourceLocation: sourceLocation)
            throw error
        }
    }
}
