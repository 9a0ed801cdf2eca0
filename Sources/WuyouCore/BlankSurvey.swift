/// The blank survey `wuyou init` prints: every element and attribute of the survey format,
/// each with a short Chinese comment, filled with values that validate so the file can be
/// checked at any stage of filling in.
public enum BlankSurvey {
    /// - Parameters:
    ///   - community: The community's name (escaped for XML here).
    ///   - date: The survey date, `YYYY-MM-DD`.
    public static func text(community: String, date: String) -> String {
        let name = escaped(community.isEmpty ? "（社区名称）" : community)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- 社区综合服务中心现场检查表。事实类属性不知道就删掉（记为“数据缺失”），不要填 0 或 false。 -->
        <survey xmlns="urn:wuyou:survey:1" id="community-\(escaped(date))" date="\(escaped(date))">
          <!-- id：本次检查的唯一编号；date：检查日期 -->
          <inspector>（检查人姓名）</inspector> <!-- 检查人，可写多个 -->
          <community name="\(name)" code="" subdistrict="（街道办事处）" households="1" central="true"/>
          <!-- name 社区名称；code 社区代码；subdistrict 所属街道；households 户数；central 是否位于中心城区 -->
          <centre area="0" premises="own">
            <!-- area 中心总建筑面积（平方米）；premises 用房性质：own 自有 / new 新建 / renovated 改扩建 /
                 purchased 购置 / allocated 调剂 / rented 租用 / shared 共用 / none 无办公用房 -->
            <hall one-door="false" windows="0"/> <!-- “一门式”服务大厅：one-door 是否一门式；windows 窗口数 -->
            <room type="party-activity" area="0">党员活动室</room> <!-- 每间用房一行：type 用房代码（可多个，用空格分开）；area 面积；文字为门牌名称 -->
            <room type="citizen-school" area="0">市民学校</room>
            <room type="reading-room" area="0">图书阅览室</room>
            <room type="service-station" area="0">社区服务站</room>
            <room type="police" area="0">警务室</room>
            <room type="office" area="0">办公室</room>
            <room type="culture-sports" area="0">文体活动室</room>
            <room type="health-station" area="0">社区卫生服务站</room>
          </centre>
          <service-station> <!-- 社区服务站“五有”情况 -->
            <staff full-time="0" part-time="0"/> <!-- 专职、兼职工作人员数 -->
            <duties documented="false" posted="false"/> <!-- 工作职责：是否成文、是否上墙公示 -->
            <services> <!-- 服务内容，每项一行 -->
              <service>（服务项目）</service>
            </services>
            <regulations> <!-- 规章制度，每项一行 -->
              <regulation>（制度名称）</regulation>
            </regulations>
            <department-windows> <!-- 进驻社区的部门及是否在服务站设窗口 -->
              <department name="（部门名称）" window="false"/>
            </department-windows>
          </service-station>
          <governance residents-congress="false" consultation-council="false" elections="false"
                      decisions="false" management="false" supervision="false" access-system="false"/>
          <!-- 居民代表会议、协商议事会议、民主选举、民主决策、民主管理、民主监督、行政工作准入制度 -->
          <environment long-term-mechanism="false"/> <!-- 市容环境管理长效机制 -->
          <safety emergency-plan="false"/> <!-- 公共安全预警和应急处置机制 -->
          <education teams="0"/> <!-- 文体活动、社区教育骨干队伍数 -->
          <information platform="false"/> <!-- 是否接入社区信息服务平台 -->
          <funding staff-monthly-subsidy="0" office-funds="0" leader-annual-subsidy="0"/>
          <!-- 社区工作人员月补贴（元/月）、办公经费（元/年）、书记（主任）工资补贴（元/年） -->
          <training days="0"/> <!-- 本年度社区工作者培训天数 -->
          <developments> <!-- 辖区内新开发住房项目：floor-area 住房面积；service-space 已提供服务用房；funds-in-lieu-area 等量资金折合面积 -->
            <development name="（项目名称）" floor-area="0" service-space="0" funds-in-lieu-area="0"/>
          </developments>
          <notes>（备注）</notes> <!-- 其他情况说明 -->
        </survey>

        """
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
