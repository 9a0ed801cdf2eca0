import Foundation
import Testing

/// Surveys for the round-trip tests: the spec's examples, a survey that fills in every field,
/// and variations of it that leave out, empty or zero one thing at a time.
struct CorpusSurvey: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]

    var testDescription: String { name }
}

enum SurveyCorpus {
    /// The spec's example surveys. A missing folder or an empty file stops the tests that use
    /// them: a test over no data would pass having checked nothing.
    static var examples: [CorpusSurvey] {
        let folder = WorkbookFixtures.root.appendingPathComponent("examples")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            fatalError("no examples/ folder at \(folder.path): the round-trip tests have nothing to read")
        }
        let surveys = names.filter { $0.hasSuffix(".xml") }.sorted().map { name -> CorpusSurvey in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)), !data.isEmpty else {
                fatalError("examples/\(name) cannot be read")
            }
            return CorpusSurvey(name: "examples/\(name)", bytes: Array(data))
        }
        guard surveys.count >= 3 else { fatalError("examples/ holds \(surveys.count) surveys; the spec ships three") }
        return surveys
    }

    /// Every element and attribute of the format, each on its own line.
    static let full = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="test-全部-1" date="2024-05-14">
          <inspector>王芳</inspector>
          <inspector>李强</inspector>
          <community name="测试社区" code="420682001009" subdistrict="赞阳办事处" households="1500" central="true"/>
          <centre area="300.5" premises="own">
            <hall one-door="true" windows="3"/>
            <room type="party-activity citizen-school" area="30">党员活动室（市民学校）</room>
            <room type="reading-room" area="30">图书阅览室</room>
            <room type="service-station" area="30">社区服务站</room>
            <room type="police" area="20">警务室</room>
            <room type="office" area="30">办公室</room>
            <room area="30">文化活动室</room>
            <room area="30">社区卫生效劳站</room>
            <room area="12.5">储藏室</room>
          </centre>
          <service-station>
            <staff full-time="1" part-time="0"/>
            <duties documented="true" posted="true"/>
            <services>
              <service>低保申办</service>
              <service>就业登记</service>
            </services>
            <regulations>
              <regulation>值班制度</regulation>
              <regulation>首问负责制</regulation>
              <regulation>档案管理制度</regulation>
            </regulations>
            <department-windows>
              <department name="民政局" window="true"/>
              <department name="人社局" window="false"/>
            </department-windows>
          </service-station>
          <governance residents-congress="true" consultation-council="true" elections="true" decisions="true" management="true" supervision="true" access-system="true"/>
          <environment long-term-mechanism="true"/>
          <safety emergency-plan="true"/>
          <education teams="1"/>
          <information platform="true"/>
          <funding staff-monthly-subsidy="600" office-funds="20000" leader-annual-subsidy="10000"/>
          <training days="2"/>
          <developments>
            <development name="一期" floor-area="10000" service-space="20"/>
            <development name="二期" floor-area="25000" service-space="10" funds-in-lieu-area="15"/>
          </developments>
          <notes>第一行
        第二行 &amp; “引号”</notes>
        </survey>

        """

    /// Attributes the format requires, which no variation leaves out.
    private static let required: Set<String> = ["xmlns", "id", "date", "name", "window", "floor-area"]

    static var variations: [CorpusSurvey] {
        var result = [CorpusSurvey(name: "full", bytes: Array(full.utf8))]
        let lines = full.components(separatedBy: "\n")
        func add(_ name: String, _ text: String) {
            result.append(CorpusSurvey(name: name, bytes: Array(text.utf8)))
        }
        // Each attribute left out, then set to false or 0.
        let attribute = try! NSRegularExpression(pattern: #" ([a-z-]+)="([^"]*)""#)
        for (index, line) in lines.enumerated() where index > 0 {
            let range = NSRange(line.startIndex..., in: line)
            for match in attribute.matches(in: line, range: range) {
                let name = (line as NSString).substring(with: match.range(at: 1))
                let value = (line as NSString).substring(with: match.range(at: 2))
                guard !required.contains(name) else { continue }
                var changed = lines
                changed[index] = (line as NSString).replacingCharacters(in: match.range, with: "")
                add("line \(index + 1) without \(name)", changed.joined(separator: "\n"))
                let zero = value == "true" ? "false" : Decimal(string: value) != nil ? "0" : nil
                if let zero, name != "households" {
                    changed[index] = (line as NSString).replacingCharacters(in: match.range(at: 2), with: zero)
                    add("line \(index + 1) with \(name)=\(zero)", changed.joined(separator: "\n"))
                }
            }
        }
        // Each element left out (a container with everything inside it).
        var index = 2
        while index < lines.count - 2 {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let name = String(trimmed.dropFirst().prefix { $0 != " " && $0 != ">" && $0 != "/" })
            var end = index
            if !trimmed.hasSuffix("/>"), !trimmed.contains("</") {
                end = lines[index...].firstIndex { $0.contains("</\(name)>") } ?? index
            }
            if name != "community", !name.isEmpty, trimmed.hasPrefix("<"), !trimmed.hasPrefix("</") {
                var changed = lines
                changed.removeSubrange(index...end)
                if !isEmptiedList(changed) {
                    add("line \(index + 1) without <\(name)>", changed.joined(separator: "\n"))
                }
            }
            index += 1
        }
        // Listed and none.
        add("no services", full.replacingOccurrences(of: #"<services>\s*(<service>[^<]*</service>\s*)*</services>"#,
                                                   with: "<services/>", options: .regularExpression))
        add("no regulations", full.replacingOccurrences(of: #"<regulations>\s*(<regulation>[^<]*</regulation>\s*)*</regulations>"#,
                                                      with: "<regulations/>", options: .regularExpression))
        add("empty hall", full.replacingOccurrences(of: #"<hall one-door="true" windows="3"/>"#, with: "<hall/>"))
        add("premises none", full.replacingOccurrences(of: #"area="300.5" premises="own""#, with: #"premises="none""#))
        return result
    }

    /// Whether leaving out an element emptied a list the workbook cannot express as empty:
    /// `<department-windows>` and `<developments>` are written only for rows in their sheets.
    private static func isEmptiedList(_ lines: [String]) -> Bool {
        let text = lines.joined(separator: "\n")
        return text.range(of: #"<department-windows>\s*</department-windows>"#, options: .regularExpression) != nil
            || text.range(of: #"<developments>\s*</developments>"#, options: .regularExpression) != nil
    }

    static var all: [CorpusSurvey] { examples + variations }
}
