import WuyouXML

/// A survey with every element of the format filled in, on which checklist lint runs each
/// XPath expression: what compiles but cannot run (an unbound prefix, a function XPath 1.0
/// does not have, an operation count beyond ``XPathLimits``) is refused before it reaches a
/// survey.
enum XPathProbe {
    static let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:wuyou:survey:1" id="probe" date="2024-05-14">
          <inspector>甲</inspector>
          <community name="样例社区" code="1" subdistrict="样例街道" households="1500" central="true"/>
          <centre area="300" premises="own">
            <hall one-door="true" windows="3"/>
            <room type="party-activity" area="30">党员活动室</room>
            <room type="citizen-school" area="30">市民学校</room>
            <room type="reading-room" area="30">图书阅览室</room>
            <room type="service-station" area="30">社区服务站</room>
            <room type="police" area="20">警务室</room>
            <room type="office" area="30">办公室</room>
            <room type="culture-sports" area="30">文体活动室</room>
            <room type="health-station" area="30">社区卫生服务站</room>
            <room area="10">库房</room>
          </centre>
          <service-station>
            <staff full-time="2" part-time="1"/>
            <duties documented="true" posted="true"/>
            <services><service>低保</service><service>就业</service></services>
            <regulations><regulation>值班</regulation><regulation>首问</regulation><regulation>档案</regulation></regulations>
            <department-windows><department name="民政" window="true"/><department name="人社" window="false"/></department-windows>
          </service-station>
          <governance residents-congress="true" consultation-council="true" elections="true" decisions="true"
                      management="true" supervision="true" access-system="true"/>
          <environment long-term-mechanism="true"/>
          <safety emergency-plan="true"/>
          <education teams="2"/>
          <information platform="true"/>
          <funding staff-monthly-subsidy="600" office-funds="20000" leader-annual-subsidy="10000"/>
          <training days="2"/>
          <developments><development name="一期" floor-area="10000" service-space="20"/></developments>
          <notes>样例</notes>
        </survey>

        """

    /// Operations an expression may take on the probe. A real rule takes a few hundred; one
    /// that takes more than this here grows with the survey's size past ``XPathLimits`` on a
    /// large survey.
    static let operationLimit: UInt = 20_000

    /// Why `expression` cannot be used in a rule, or nil when it compiles and runs on the probe.
    static func problem(in expression: String) -> String? {
        if let error = XPathSyntax.error(in: expression) { return error }
        do {
            let document = try ParsedDocument.parse(bytes: Array(text.utf8), path: "probe")
            _ = try document.evaluate(expression, namespaces: XPathAssertion.namespaces, operationLimit: operationLimit)
            return nil
        } catch {
            let message = error.items.first?.message ?? "cannot be evaluated"
            let prefix = "XPath \(expression): "
            return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        }
    }
}
