import Foundation
@testable import WuyouCore

/// Builds survey XML for tests. The default survey meets every requirement exactly at its
/// threshold (300 m², 1500 households → 300 m², 3 regulations, 600 元, 2 days…), so each
/// case changes one thing and shows which requirement that one thing moves.
struct SurveyBuilder {
    var date = "2024-05-14"
    var community = #"<community name="测试社区" subdistrict="赞阳办事处" households="1500" central="true"/>"#
    var centreAttributes = #"area="300" premises="own""#
    var hall: String? = #"<hall one-door="true" windows="3"/>"#
    var rooms = [
        #"<room type="party-activity" area="30">党员活动室</room>"#,
        #"<room type="citizen-school" area="30">市民学校</room>"#,
        #"<room type="reading-room" area="30">图书阅览室</room>"#,
        #"<room type="service-station" area="30">社区服务站</room>"#,
        #"<room type="police" area="20">警务室</room>"#,
        #"<room type="office" area="30">办公室</room>"#,
        #"<room type="culture-sports" area="30">文体活动室</room>"#,
        #"<room type="health-station" area="30">社区卫生服务站</room>"#,
    ]
    /// Set to false to leave `<centre>` out altogether.
    var hasCentre = true
    var staff: String? = #"<staff full-time="1" part-time="0"/>"#
    var duties: String? = #"<duties documented="true" posted="true"/>"#
    var services: String? = "<services><service>低保申办</service></services>"
    var regulations: String? = "<regulations><regulation>值班制度</regulation><regulation>首问负责制</regulation><regulation>档案管理制度</regulation></regulations>"
    var departments: String? = #"<department-windows><department name="民政局" window="true"/></department-windows>"#
    /// Set to false to leave `<service-station>` out altogether.
    var hasServiceStation = true
    var governance: String? = #"<governance residents-congress="true" consultation-council="true" elections="true" decisions="true" management="true" supervision="true" access-system="true"/>"#
    var environment: String? = #"<environment long-term-mechanism="true"/>"#
    var safety: String? = #"<safety emergency-plan="true"/>"#
    var education: String? = #"<education teams="1"/>"#
    var information: String? = #"<information platform="true"/>"#
    var funding: String? = #"<funding staff-monthly-subsidy="600" office-funds="20000" leader-annual-subsidy="10000"/>"#
    var training: String? = #"<training days="2"/>"#
    var developments: String? = #"<developments><development name="一期" floor-area="10000" service-space="20"/></developments>"#
    var extra = ""

    var xml: String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<survey xmlns="urn:wuyou:survey:1" id="test-survey" date="\#(date)">"#,
            community,
        ]
        if hasCentre {
            lines.append("<centre \(centreAttributes)>")
            if let hall { lines.append(hall) }
            lines += rooms
            lines.append("</centre>")
        }
        if hasServiceStation {
            lines.append("<service-station>")
            lines += [staff, duties, services, regulations, departments].compactMap { $0 }
            lines.append("</service-station>")
        }
        lines += [governance, environment, safety, education, information, funding, training, developments].compactMap { $0 }
        if !extra.isEmpty { lines.append(extra) }
        lines.append("</survey>")
        return lines.joined(separator: "\n") + "\n"
    }

    func with(_ change: (inout SurveyBuilder) -> Void) -> SurveyBuilder {
        var copy = self
        change(&copy)
        return copy
    }

    func removingRoom(_ code: String) -> SurveyBuilder {
        with { $0.rooms.removeAll { $0.contains(#"type="\#(code)""#) } }
    }
}

enum Fixtures {
    static let checklist: Checklist = {
        do {
            return try ChecklistReader.load(idOrPath: "laohekou-2023")
        } catch {
            fatalError("bundled checklist does not load: \(error)")
        }
    }()

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func report(_ builder: SurveyBuilder, checklist: Checklist = checklist) throws -> SurveyReport {
        let loaded = try SurveyLoader.load(bytes: Array(builder.xml.utf8), path: "test.xml")
        return Evaluator(checklist: checklist).evaluate(loaded.survey, document: loaded.document)
    }
}

extension SurveyReport {
    func finding(_ id: String) -> Finding? {
        findings.first { $0.requirement.id == id }
    }
}
