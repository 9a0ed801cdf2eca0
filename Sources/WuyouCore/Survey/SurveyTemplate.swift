/// The survey `wuyou init` prints: a valid survey that judges nothing until it is filled in.
///
/// Only what every survey needs is written as elements (id, date, inspector, community name);
/// every room and fact is a commented-out example saying what to write, so an unedited
/// template has no room and no fact, and every requirement stays `unknown`. Placeholders in
/// full-width brackets, such as （检查人姓名）, mark what is still to fill in; a survey that keeps
/// one is a draft (see ``Survey/placeholders``). The rooms come from the checklist.
public enum SurveyTemplate {
    /// The template's text.
    ///
    /// - Parameters:
    ///   - checklist: Whose rooms are listed (and named in the header).
    ///   - community: The community's name; a placeholder when nil or empty.
    ///   - code: The community's code, if known.
    ///   - date: The survey date, `YYYY-MM-DD`.
    public static func text(checklist: Checklist, community: String?, code: String?, date: String) -> String {
        let name = community.flatMap { $0.isEmpty ? nil : $0 } ?? "（社区名称）"
        let code = code.flatMap { $0.isEmpty ? nil : $0 }
        let codeAttribute = code.map { " code=\"\(escaped($0))\"" } ?? ""
        let rooms = checklist.rooms.map { room in
            "      <room type=\"\(room.code)\" area=\"（面积，平方米）\">\(escaped(room.label.text("zh")))</room>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- 社区综合服务中心现场检查表（检查清单 \(escaped(checklist.id))，\(escaped(checklist.version)) 版）。
             填写规则：
             1. 只填写现场核实过的情况。注释（<!－－ … －－>）里的内容是示例，不参与判定；
                核实后把示例移到注释外面，再把括号里的说明换成实际情况。
             2. 没有核实的项目不要填写，报告记为“数据缺失”，不会判为未达标；
                填 0、false（否），或列出清单却不写某一项，才表示“没有”。
             3. 全角括号（）里的说明文字没有替换前，本表是草稿，不会判为达标。 -->
        <survey xmlns="urn:wuyou:survey:1" id="\(escaped(surveyID(community: name, code: code, date: date)))" date="\(escaped(date))">
          <inspector>（检查人姓名）</inspector>
          <!-- 多名检查人各写一行 <inspector>。 -->
          <community name="\(escaped(name))"\(codeAttribute) subdistrict="（街道办事处）"/>
          <!-- community 可补充：code="社区代码" households="户数，正整数"
               central="false"（不在中心城区时填写；不填视为位于中心城区） -->

          <!-- 中心用房。有综合服务中心时填写 area（总建筑面积，平方米）和 premises（用房性质：
               own 自有、new 新建、renovated 改扩建、purchased 购置、allocated 调剂、rented 租用、
               shared 共用、none 无办公用房）；每间用房一行 <room>，type 为用房代码（一室多用时用空格
               分开），area 为面积，文字为门牌名称。没有“一门式”大厅时删去 <hall>。
            <centre area="（总建筑面积，平方米）" premises="（用房性质）">
              <hall one-door="（true 或 false：是否一门式）" windows="（窗口数）"/>
        \(rooms)
          </centre>
          -->

          <!-- 社区服务站“五有”情况：
          <service-station>
            <staff full-time="（专职人数）" part-time="（兼职人数）"/>
            <duties documented="（true 或 false：职责是否成文）" posted="（true 或 false：是否上墙公示）"/>
            <services>
              <service>（服务项目，每项一行）</service>
            </services>
            <regulations>
              <regulation>（规章制度名称，每项一行）</regulation>
            </regulations>
            <department-windows>
              <department name="（进驻部门名称）" window="（true 或 false：是否在服务站设窗口）"/>
            </department-windows>
          </service-station>
          -->

          <!-- 社区功能（true 是 / false 否）：
          <governance residents-congress="（居民代表会议）" consultation-council="（协商议事会议）"
                      elections="（民主选举）" decisions="（民主决策）" management="（民主管理）"
                      supervision="（民主监督）" access-system="（行政工作准入制度）"/>
          <environment long-term-mechanism="（市容环境管理长效机制）"/>
          <safety emergency-plan="（公共安全预警和应急处置机制）"/>
          <education teams="（文体活动、社区教育骨干队伍数）"/>
          <information platform="（是否接入社区信息服务平台）"/>
          -->

          <!-- 经费（元）与培训（天）：
          <funding staff-monthly-subsidy="（工作人员月补贴）" office-funds="（年办公经费）"
                   leader-annual-subsidy="（书记、主任年工资补贴）"/>
          <training days="（本年度培训天数）"/>
          -->

          <!-- 辖区内新开发住房项目，每个项目一行（面积单位：平方米）：
          <developments>
            <development name="（项目名称）" floor-area="（住房面积）" service-space="（已提供服务用房面积）"
                         funds-in-lieu-area="（以等量资金折抵的面积）"/>
          </developments>
          -->

          <!-- <notes>（其他情况说明）</notes> -->
        </survey>

        """
    }

    /// Whether `value` is template text left in: wholly in full-width brackets, （…）.
    public static func isPlaceholder(_ value: String) -> Bool {
        // Every value of every survey is asked: look at the bytes of the ends first (（ is
        // EF BC 88, ） is EF BC 89), and trim only values that have white space.
        let trimmed = XMLValues.trimmed(value)
        let bytes = trimmed.utf8
        guard bytes.starts(with: [0xEF, 0xBC, 0x88]), bytes.reversed().starts(with: [0x89, 0xBC, 0xEF]) else { return false }
        return trimmed.count >= 3
    }

    /// ``isPlaceholder(_:)`` of UTF-8 bytes: most values are rejected by their first and last
    /// bytes, without making a string.
    static func isPlaceholder(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let core = XMLValues.trimmingASCIISpace(utf8)
        // Unless an end is other white space, a placeholder starts EF BC 88 and ends EF BC 89.
        if !XMLValues.endsInWhiteSpace(core) {
            guard core.count >= 6, core[0] == 0xEF, core[1] == 0xBC, core[2] == 0x88,
                  core[core.count - 3] == 0xEF, core[core.count - 2] == 0xBC, core[core.count - 1] == 0x89
            else { return false }
        }
        return isPlaceholder(String(decoding: utf8, as: UTF8.self))
    }

    /// A survey id two communities never share: the community's code, or else its name,
    /// then the date.
    public static func surveyID(community: String, code: String?, date: String) -> String {
        let stem = (code ?? community).unicodeScalars.map { scalar -> String in
            scalar.properties.isWhitespace || scalar == "/" ? "-" : String(scalar)
        }.joined()
        return "\(stem)-\(date)"
    }

    private static func escaped(_ text: String) -> String {
        XMLText.escaped(text)
    }
}
